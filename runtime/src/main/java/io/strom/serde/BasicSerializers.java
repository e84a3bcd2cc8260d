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

  public static final TypeSerializer<Byte> BYTE =
      new ImmutableSerializer<>() {
        @Override
        public void serialize(Byte value, DataOutputView target) throws IOException {
          target.writeByte(value);
        }

        @Override
        public Byte deserialize(DataInputView source) throws IOException {
          return source.readByte();
        }
      };

  public static final TypeSerializer<Short> SHORT =
      new ImmutableSerializer<>() {
        @Override
        public void serialize(Short value, DataOutputView target) throws IOException {
          target.writeShort(value);
        }

        @Override
        public Short deserialize(DataInputView source) throws IOException {
          return source.readShort();
        }
      };

  public static final TypeSerializer<Float> FLOAT =
      new ImmutableSerializer<>() {
        @Override
        public void serialize(Float value, DataOutputView target) throws IOException {
          target.writeFloat(value);
        }

        @Override
        public Float deserialize(DataInputView source) throws IOException {
          return source.readFloat();
        }
      };

  public static final TypeSerializer<Character> CHAR =
      new ImmutableSerializer<>() {
        @Override
        public void serialize(Character value, DataOutputView target) throws IOException {
          target.writeChar(value);
        }

        @Override
        public Character deserialize(DataInputView source) throws IOException {
          return source.readChar();
        }
      };

  /** Byte arrays as a var-int length and the bytes; copies are fresh arrays. */
  public static final TypeSerializer<byte[]> BYTES =
      new TypeSerializer<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public void serialize(byte[] value, DataOutputView target) throws IOException {
          target.writeVarInt(value.length);
          target.write(value);
        }

        @Override
        public byte[] deserialize(DataInputView source) throws IOException {
          byte[] bytes = new byte[source.readVarInt()];
          source.readFully(bytes);
          return bytes;
        }

        @Override
        public byte[] copy(byte[] value) {
          return value.clone();
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
