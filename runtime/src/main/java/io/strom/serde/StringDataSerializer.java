package io.strom.serde;

import io.strom.data.StringData;
import java.io.IOException;

/** Serializer of {@link StringData}: a var-int byte length and the UTF-8 bytes. Stateless. */
public final class StringDataSerializer implements TypeSerializer<StringData> {
  private static final long serialVersionUID = 1L;

  public static final StringDataSerializer INSTANCE = new StringDataSerializer();

  private StringDataSerializer() {}

  @Override
  public void serialize(StringData value, DataOutputView target) throws IOException {
    target.writeVarInt(value.sizeInBytes());
    target.write(value.byteArray(), value.offset(), value.sizeInBytes());
  }

  @Override
  public StringData deserialize(DataInputView source) throws IOException {
    byte[] bytes = new byte[source.readVarInt()];
    source.readFully(bytes);
    return StringData.fromBytes(bytes);
  }

  /** Detaches the copy from any buffer the original views, which may be reused. */
  @Override
  public StringData copy(StringData value) {
    return value.copy();
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
