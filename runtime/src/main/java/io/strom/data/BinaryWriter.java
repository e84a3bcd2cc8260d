package io.strom.data;

/**
 * Writes values into the positions of a binary row or array under construction.
 *
 * <p>Write each position at most once between resets, in ascending order, so that equal values
 * produce equal bytes. Use the method matching the position's type, as for {@link DataGetters}.
 */
public interface BinaryWriter {

  void setNullAt(int pos);

  void writeBoolean(int pos, boolean value);

  void writeByte(int pos, byte value);

  void writeShort(int pos, short value);

  void writeInt(int pos, int value);

  void writeLong(int pos, long value);

  void writeFloat(int pos, float value);

  void writeDouble(int pos, double value);

  void writeString(int pos, StringData value);

  void writeBinary(int pos, byte[] value);

  /** Writes a decimal of the position's declared precision. */
  void writeDecimal(int pos, DecimalData value, int precision);

  /** Writes a timestamp of the position's declared precision. */
  void writeTimestamp(int pos, TimestampData value, int precision);

  void writeArray(int pos, BinaryArray value);

  void writeMap(int pos, BinaryMap value);

  void writeRow(int pos, BinaryRow value);
}
