package io.strom.data;

import static io.strom.data.BinaryFormat.INT;
import static io.strom.data.BinaryFormat.LONG;
import static io.strom.data.BinaryFormat.SHORT;

/**
 * The compact binary form of a {@link Row}, viewing a range of a byte array.
 *
 * <p>Layout: a header of whole 8-byte words whose first byte is the {@link RowKind} and whose
 * following bits are the null bits of the fields; one 8-byte slot per field; then the variable
 * part (see {@link BinaryFormat}). Rows of the same schema with equal field values written in field
 * order have equal bytes, so {@link #equals} and {@link #hashCode} work on the bytes and binary
 * rows serve as keys of state and exchanges. The row kind is part of the bytes: key rows are built
 * as INSERT.
 *
 * <p>Build rows with {@link BinaryRowWriter}. Fixed-size fields can be updated in place with the
 * setters. Not thread-safe.
 */
public final class BinaryRow extends BinarySection implements Row {
  private final int arity;
  private final int headerSize;

  /** A row view of the given arity; point it at bytes with {@link #pointTo} before use. */
  public BinaryRow(int arity) {
    if (arity < 0) {
      throw new IllegalArgumentException("A row's arity must not be negative, got " + arity);
    }
    this.arity = arity;
    this.headerSize = headerSize(arity);
  }

  /** Bytes of the header: the kind byte and one null bit per field, in whole 8-byte words. */
  public static int headerSize(int arity) {
    return BinaryFormat.bitSetBytes(arity + 8);
  }

  /** Bytes of the header and the fields' slots, before any variable-length data. */
  public static int fixedPartSize(int arity) {
    return headerSize(arity) + 8 * arity;
  }

  @Override
  public void pointTo(byte[] bytes, int offset, int sizeInBytes) {
    if (sizeInBytes < fixedPartSize(arity)) {
      throw new IllegalArgumentException(
          "A binary row of " + arity + " fields needs at least " + fixedPartSize(arity)
              + " bytes, got " + sizeInBytes);
    }
    super.pointTo(bytes, offset, sizeInBytes);
  }

  @Override
  public int arity() {
    return arity;
  }

  @Override
  public RowKind kind() {
    return RowKind.fromByteValue(bytes[offset]);
  }

  @Override
  public void setKind(RowKind kind) {
    bytes[offset] = kind.toByteValue();
  }

  private int slot(int pos) {
    return offset + headerSize + (pos << 3);
  }

  @Override
  public boolean isNullAt(int pos) {
    int bit = pos + 8;
    return (bytes[offset + (bit >>> 3)] & (1 << (bit & 7))) != 0;
  }

  @Override
  public boolean getBoolean(int pos) {
    return bytes[slot(pos)] != 0;
  }

  @Override
  public byte getByte(int pos) {
    return bytes[slot(pos)];
  }

  @Override
  public short getShort(int pos) {
    return (short) SHORT.get(bytes, slot(pos));
  }

  @Override
  public int getInt(int pos) {
    return (int) INT.get(bytes, slot(pos));
  }

  @Override
  public long getLong(int pos) {
    return (long) LONG.get(bytes, slot(pos));
  }

  @Override
  public float getFloat(int pos) {
    return Float.intBitsToFloat((int) INT.get(bytes, slot(pos)));
  }

  @Override
  public double getDouble(int pos) {
    return Double.longBitsToDouble((long) LONG.get(bytes, slot(pos)));
  }

  @Override
  public StringData getString(int pos) {
    return readString(slot(pos));
  }

  @Override
  public DecimalData getDecimal(int pos, int precision, int scale) {
    return readDecimal(slot(pos), precision, scale);
  }

  @Override
  public TimestampData getTimestamp(int pos, int precision) {
    return readTimestamp(slot(pos), precision);
  }

  @Override
  public long getTimestampMillis(int pos, int precision) {
    return readTimestampMillis(slot(pos), precision);
  }

  @Override
  public int getTimestampNanos(int pos, int precision) {
    return readTimestampNanos(slot(pos), precision);
  }

  @Override
  public byte[] getBinary(int pos) {
    return readBinary(slot(pos));
  }

  @Override
  public BinaryArray getArray(int pos) {
    return readArray(slot(pos));
  }

  @Override
  public BinaryMap getMap(int pos) {
    return readMap(slot(pos));
  }

  @Override
  public BinaryRow getRow(int pos, int arity) {
    return readRow(slot(pos), arity);
  }

  // ---- in-place updates of fixed-size fields ------------------------------------------------

  public void setNullAt(int pos) {
    int bit = pos + 8;
    bytes[offset + (bit >>> 3)] |= (byte) (1 << (bit & 7));
    LONG.set(bytes, slot(pos), 0L);
  }

  private void clearNull(int pos) {
    int bit = pos + 8;
    bytes[offset + (bit >>> 3)] &= (byte) ~(1 << (bit & 7));
  }

  public void setBoolean(int pos, boolean value) {
    clearNull(pos);
    bytes[slot(pos)] = (byte) (value ? 1 : 0);
  }

  public void setByte(int pos, byte value) {
    clearNull(pos);
    bytes[slot(pos)] = value;
  }

  public void setShort(int pos, short value) {
    clearNull(pos);
    SHORT.set(bytes, slot(pos), value);
  }

  public void setInt(int pos, int value) {
    clearNull(pos);
    INT.set(bytes, slot(pos), value);
  }

  /** Also sets compact decimals (unscaled) and compact timestamps (epoch millis). */
  public void setLong(int pos, long value) {
    clearNull(pos);
    LONG.set(bytes, slot(pos), value);
  }

  public void setFloat(int pos, float value) {
    clearNull(pos);
    INT.set(bytes, slot(pos), Float.floatToIntBits(value));
  }

  public void setDouble(int pos, double value) {
    clearNull(pos);
    LONG.set(bytes, slot(pos), Double.doubleToLongBits(value));
  }

  /** A row with its own copy of the bytes. */
  public BinaryRow copy() {
    BinaryRow copy = new BinaryRow(arity);
    copy.pointTo(toBytes(), 0, sizeInBytes);
    return copy;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BinaryRow other && other.arity == arity && sameBytes(other);
  }

  @Override
  public int hashCode() {
    return hashBytes();
  }

  /** Without a schema only the shape can be shown; see {@code RowFormatter} for the values. */
  @Override
  public String toString() {
    return kind().shortString() + "<binary row of " + arity + " fields, " + sizeInBytes + " bytes>";
  }
}
