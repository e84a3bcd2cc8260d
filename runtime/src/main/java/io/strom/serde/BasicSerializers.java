package io.strom.serde;

import java.io.IOException;

/** Serializers of boxed primitives and strings; all stateless and immutable. */
public final class BasicSerializers {
  private BasicSerializers() {}

  public static final TypeSerializer<Boolean> BOOLEAN =
      new ImmutableSerializer<>() {
        @Override
        public void serialize(Boolean value, DataOutputView target) throws IOException {
          target.writeBoolean(value);
        }

        @Override
        public Boolean deserialize(DataInputView source) throws IOException {
          return source.readBoolean();
        }
      };

  public static final TypeSerializer<Integer> INT =
      new ImmutableSerializer<>() {
        @Override
        public void serialize(Integer value, DataOutputView target) throws IOException {
          target.writeInt(value);
        }

        @Override
        public Integer deserialize(DataInputView source) throws IOException {
          return source.readInt();
        }
      };

  public static final TypeSerializer<Long> LONG =
      new ImmutableSerializer<>() {
        @Override
        public void serialize(Long value, DataOutputView target) throws IOException {
          target.writeLong(value);
        }

        @Override
        public Long deserialize(DataInputView source) throws IOException {
          return source.readLong();
        }
      };

  public static final TypeSerializer<Double> DOUBLE =
      new ImmutableSerializer<>() {
        @Override
        public void serialize(Double value, DataOutputView target) throws IOException {
          target.writeDouble(value);
        }

        @Override
        public Double deserialize(DataInputView source) throws IOException {
          return source.readDouble();
        }
      };

  public static final TypeSerializer<String> STRING =
      new ImmutableSerializer<>() {
        @Override
        public void serialize(String value, DataOutputView target) throws IOException {
          target.writeUTF(value);
        }

        @Override
        public String deserialize(DataInputView source) throws IOException {
          return source.readUTF();
        }
      };

  /** Base of serializers of immutable values: copying returns the value itself. */
  public abstract static class ImmutableSerializer<T> implements TypeSerializer<T> {
    private static final long serialVersionUID = 1L;

    @Override
    public final T copy(T value) {
      return value;
    }

    @Override
    public final boolean isImmutableType() {
      return true;
    }
  }
}
