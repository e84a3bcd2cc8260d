package io.strom.data;

import static io.strom.data.BinaryFormat.INT;
import static io.strom.data.BinaryFormat.LONG;
import static io.strom.data.BinaryFormat.SHORT;

import io.strom.types.LogicalType;

/**
 * The compact binary form of {@link ArrayData}, viewing a range of a byte array.
 *
 * <p>Layout: the element count (4 bytes) and 4 zero bytes; null bits in whole 8-byte words; the
 * elements, each {@link #elementWidth} bytes wide (1 for BOOLEAN and TINYINT, 2 for SMALLINT, 4
 * for INT-like and FLOAT, 8 otherwise, with variable-length values encoded as in {@link
 * BinaryFormat}), padded to 8 bytes; then the variable part. Build arrays with {@link
 * BinaryArrayWriter}.
 */
public final class BinaryArray extends BinarySection implements ArrayData {
  private int size;
  private int elementsStart;

  /** Bytes before the elements of an array of {@code size} elements. */
  public static int headerSize(int size) {
    return 8 + BinaryFormat.bitSetBytes(size);
  }

  /** Bytes per element of the given type in a binary array. */
  public static int elementWidth(LogicalType elementType) {
    return switch (elementType.root()) {
      case BOOLEAN, TINYINT -> 1;
      case SMALLINT -> 2;
      case INTEGER, DATE, TIME_WITHOUT_TIME_ZONE, INTERVAL_YEAR_MONTH, FLOAT -> 4;
      default -> 8;
    };
  }

  @Override
  public void pointTo(byte[] bytes, int offset, int sizeInBytes) {
    super.pointTo(bytes, offset, sizeInBytes);
    this.size = (int) INT.get(bytes, offset);
    this.elementsStart = offset + headerSize(size);
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean isNullAt(int pos) {
    return (bytes[offset + 8 + (pos >>> 3)] & (1 << (pos & 7))) != 0;
  }

  @Override
  public boolean getBoolean(int pos) {
    return bytes[elementsStart + pos] != 0;
  }

  @Override
  public byte getByte(int pos) {
    return bytes[elementsStart + pos];
  }

  @Override
  public short getShort(int pos) {
    return (short) SHORT.get(bytes, elementsStart + (pos << 1));
  }

  @Override
  public int getInt(int pos) {
    return (int) INT.get(bytes, elementsStart + (pos << 2));
  }

  @Override
  public long getLong(int pos) {
    return (long) LONG.get(bytes, elementsStart + (pos << 3));
  }

  @Override
  public float getFloat(int pos) {
    return Float.intBitsToFloat((int) INT.get(bytes, elementsStart + (pos << 2)));
  }

  @Override
  public double getDouble(int pos) {
    return Double.longBitsToDouble((long) LONG.get(bytes, elementsStart + (pos << 3)));
  }

  @Override
  public StringData getString(int pos) {
    return readString(elementsStart + (pos << 3));
  }

  @Override
  public DecimalData getDecimal(int pos, int precision, int scale) {
    return readDecimal(elementsStart + (pos << 3), precision, scale);
  }

  @Override
  public TimestampData getTimestamp(int pos, int precision) {
    return readTimestamp(elementsStart + (pos << 3), precision);
  }

  @Override
  public long getTimestampMillis(int pos, int precision) {
    return readTimestampMillis(elementsStart + (pos << 3), precision);
  }

  @Override
  public int getTimestampNanos(int pos, int precision) {
    return readTimestampNanos(elementsStart + (pos << 3), precision);
  }

  @Override
  public byte[] getBinary(int pos) {
    return readBinary(elementsStart + (pos << 3));
  }

  @Override
  public BinaryArray getArray(int pos) {
    return readArray(elementsStart + (pos << 3));
  }

  @Override
  public BinaryMap getMap(int pos) {
    return readMap(elementsStart + (pos << 3));
  }

  @Override
  public BinaryRow getRow(int pos, int arity) {
    return readRow(elementsStart + (pos << 3), arity);
  }

  /** An array with its own copy of the bytes. */
  public BinaryArray copy() {
    BinaryArray copy = new BinaryArray();
    copy.pointTo(toBytes(), 0, sizeInBytes);
    return copy;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BinaryArray other && sameBytes(other);
  }

  @Override
  public int hashCode() {
    return hashBytes();
  }

  @Override
  public String toString() {
    return "<binary array of " + size + " elements, " + sizeInBytes + " bytes>";
  }
}
