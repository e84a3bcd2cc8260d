package io.strom.serde;

import io.strom.data.DecimalData;
import io.strom.serde.BasicSerializers.ImmutableSerializer;
import java.io.IOException;

/**
 * Serializer of {@link DecimalData} of one precision and scale: the unscaled value as a long when
 * the precision is at most 18, else its var-int length and two's-complement bytes.
 */
public final class DecimalDataSerializer extends ImmutableSerializer<DecimalData> {
  private static final long serialVersionUID = 1L;

  private final int precision;
  private final int scale;

  public DecimalDataSerializer(int precision, int scale) {
    this.precision = precision;
    this.scale = scale;
  }

  @Override
  public void serialize(DecimalData value, DataOutputView target) throws IOException {
    if (DecimalData.isCompact(precision)) {
      target.writeLong(value.toUnscaledLong());
    } else {
      byte[] unscaled = value.toUnscaledBytes();
      target.writeVarInt(unscaled.length);
      target.write(unscaled);
    }
  }

  @Override
  public DecimalData deserialize(DataInputView source) throws IOException {
    if (DecimalData.isCompact(precision)) {
      return DecimalData.fromUnscaledLong(source.readLong(), precision, scale);
    }
    byte[] unscaled = new byte[source.readVarInt()];
    source.readFully(unscaled);
    return DecimalData.fromUnscaledBytes(unscaled, precision, scale);
  }
}
