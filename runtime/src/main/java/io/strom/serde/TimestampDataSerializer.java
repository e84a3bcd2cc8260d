package io.strom.serde;

import io.strom.data.TimestampData;
import io.strom.serde.BasicSerializers.ImmutableSerializer;
import java.io.IOException;

/**
 * Serializer of {@link TimestampData} of one precision: the epoch millis, followed by the nanos of
 * the milli only when the precision exceeds 3.
 */
public final class TimestampDataSerializer extends ImmutableSerializer<TimestampData> {
  private static final long serialVersionUID = 1L;

  private final int precision;

  public TimestampDataSerializer(int precision) {
    this.precision = precision;
  }

  @Override
  public void serialize(TimestampData value, DataOutputView target) throws IOException {
    target.writeLong(value.millisecond());
    if (!TimestampData.isCompact(precision)) {
      target.writeInt(value.nanoOfMillisecond());
    }
  }

  @Override
  public TimestampData deserialize(DataInputView source) throws IOException {
    long millis = source.readLong();
    int nanos = TimestampData.isCompact(precision) ? 0 : source.readInt();
    return TimestampData.fromEpochMillis(millis, nanos);
  }
}
