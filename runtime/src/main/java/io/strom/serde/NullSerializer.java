package io.strom.serde;

import io.strom.serde.BasicSerializers.ImmutableSerializer;

/** Serializer of the {@code NULL} type, whose only value is null: it writes nothing. */
public final class NullSerializer extends ImmutableSerializer<Object> {
  private static final long serialVersionUID = 1L;

  public static final NullSerializer INSTANCE = new NullSerializer();

  private NullSerializer() {}

  @Override
  public void serialize(Object value, DataOutputView target) {
    // nothing to write: the type has a single value
  }

  @Override
  public Object deserialize(DataInputView source) {
    return null;
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
