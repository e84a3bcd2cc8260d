package io.strom.data;

import static io.strom.data.BinaryFormat.INT;
import static io.strom.data.BinaryFormat.LONG;

import java.util.Arrays;

/**
 * Base of the binary data classes: a view of {@code sizeInBytes} bytes of an array starting at
 * {@code offset}, with the readers of variable-length values that rows and arrays share.
 *
 * <p>A view can be pointed at new bytes with {@link #pointTo}, which lets one object serve many
 * values; values read from it (strings, nested rows) view the same bytes.
 */
public abstract class BinarySection {
  protected byte[] bytes;
  protected int offset;
  protected int sizeInBytes;

  /** Makes this object view {@code bytes[offset, offset + sizeInBytes)}. */
  public void pointTo(byte[] bytes, int offset, int sizeInBytes) {
    this.bytes = bytes;
    this.offset = offset;
    this.sizeInBytes = sizeInBytes;
  }

  public byte[] bytes() {
    return bytes;
  }

  public int offset() {
    return offset;
  }

  public int sizeInBytes() {
    return sizeInBytes;
  }

  /** A fresh array with exactly this section's bytes. */
  public byte[] toBytes() {
    return Arrays.copyOfRange(bytes, offset, offset + sizeInBytes);
  }

  protected final boolean sameBytes(BinarySection other) {
    return sizeInBytes == other.sizeInBytes
        && Arrays.equals(
            bytes, offset, offset + sizeInBytes, other.bytes, other.offset,
            other.offset + other.sizeInBytes);
  }

  protected final int hashBytes() {
    return Hashing.hashBytes(bytes, offset, sizeInBytes);
  }

  // ---- readers of the slot at absolute position `slot` -------------------------------------

  protected final StringData readString(int slot) {
    byte first = bytes[slot];
    if ((first & BinaryFormat.INLINE_MARK) != 0) {
      return StringData.fromBytes(bytes, slot + 1, first & 0x7F);
    }
    long v = (long) LONG.get(bytes, slot);
    return StringData.fromBytes(
        bytes, offset + BinaryFormat.slotOffset(v), BinaryFormat.slotLength(v));
  }

  protected final byte[] readBinary(int slot) {
    byte first = bytes[slot];
    if ((first & BinaryFormat.INLINE_MARK) != 0) {
      return Arrays.copyOfRange(bytes, slot + 1, slot + 1 + (first & 0x7F));
    }
    long v = (long) LONG.get(bytes, slot);
    int start = offset + BinaryFormat.slotOffset(v);
    return Arrays.copyOfRange(bytes, start, start + BinaryFormat.slotLength(v));
  }

  protected final DecimalData readDecimal(int slot, int precision, int scale) {
    long v = (long) LONG.get(bytes, slot);
    if (DecimalData.isCompact(precision)) {
      return DecimalData.fromUnscaledLong(v, precision, scale);
    }
    int start = offset + BinaryFormat.slotOffset(v);
    byte[] unscaled = Arrays.copyOfRange(bytes, start, start + BinaryFormat.slotLength(v));
    return DecimalData.fromUnscaledBytes(unscaled, precision, scale);
  }

  /**
   * Compact timestamps hold the millis in the slot; others hold the millis in the variable part and
   * the nanos in the slot's low half.
   */
  protected final TimestampData readTimestamp(int slot, int precision) {
    long v = (long) LONG.get(bytes, slot);
    if (TimestampData.isCompact(precision)) {
      return TimestampData.fromEpochMillis(v);
    }
    long millis = (long) LONG.get(bytes, offset + BinaryFormat.slotOffset(v));
    return TimestampData.fromEpochMillis(millis, BinaryFormat.slotLength(v));
  }

  /** The millis of {@link #readTimestamp} without the object. */
  protected final long readTimestampMillis(int slot, int precision) {
    long v = (long) LONG.get(bytes, slot);
    return TimestampData.isCompact(precision)
        ? v
        : (long) LONG.get(bytes, offset + BinaryFormat.slotOffset(v));
  }

  /** The nanos of {@link #readTimestamp} without the object: 0 for a compact one. */
  protected final int readTimestampNanos(int slot, int precision) {
    return TimestampData.isCompact(precision)
        ? 0
        : BinaryFormat.slotLength((long) LONG.get(bytes, slot));
  }

  protected final BinaryArray readArray(int slot) {
    long v = (long) LONG.get(bytes, slot);
    BinaryArray array = new BinaryArray();
    array.pointTo(bytes, offset + BinaryFormat.slotOffset(v), BinaryFormat.slotLength(v));
    return array;
  }

  protected final BinaryMap readMap(int slot) {
    long v = (long) LONG.get(bytes, slot);
    BinaryMap map = new BinaryMap();
    map.pointTo(bytes, offset + BinaryFormat.slotOffset(v), BinaryFormat.slotLength(v));
    return map;
  }

  protected final BinaryRow readRow(int slot, int arity) {
    long v = (long) LONG.get(bytes, slot);
    BinaryRow row = new BinaryRow(arity);
    row.pointTo(bytes, offset + BinaryFormat.slotOffset(v), BinaryFormat.slotLength(v));
    return row;
  }

  protected final int readIntAt(int position) {
    return (int) INT.get(bytes, position);
  }
}
