package io.strom.data;

import static io.strom.data.BinaryFormat.INT;
import static io.strom.data.BinaryFormat.LONG;
import static io.strom.data.BinaryFormat.SHORT;

import java.util.Arrays;

/**
 * Base of the binary writers: a growable buffer holding one section from position 0, a cursor at
 * the end of its variable part, and the writing of every kind of value into a slot.
 */
public abstract class AbstractBinaryWriter implements BinaryWriter {
  protected byte[] buffer;
  /** End of the bytes written so far; where the next variable-length value goes. */
  protected int cursor;

  protected AbstractBinaryWriter(int initialSize) {
    buffer = new byte[Math.max(64, initialSize)];
  }

  /** The absolute position of the slot of {@code pos} in {@link #buffer}. */
  protected abstract int slot(int pos);

  protected final void ensureCapacity(int required) {
    if (required > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(required, buffer.length * 2));
    }
  }

  @Override
  public void writeBoolean(int pos, boolean value) {
    buffer[slot(pos)] = (byte) (value ? 1 : 0);
  }

  @Override
  public void writeByte(int pos, byte value) {
    buffer[slot(pos)] = value;
  }

  @Override
  public void writeShort(int pos, short value) {
    SHORT.set(buffer, slot(pos), value);
  }

  @Override
  public void writeInt(int pos, int value) {
    INT.set(buffer, slot(pos), value);
  }

  @Override
  public void writeLong(int pos, long value) {
    LONG.set(buffer, slot(pos), value);
  }

  /** Writes canonical bits, so every NaN has the same bytes. */
  @Override
  public void writeFloat(int pos, float value) {
    INT.set(buffer, slot(pos), Float.floatToIntBits(value));
  }

  /** Writes canonical bits, so every NaN has the same bytes. */
  @Override
  public void writeDouble(int pos, double value) {
    LONG.set(buffer, slot(pos), Double.doubleToLongBits(value));
  }

  @Override
  public void writeString(int pos, StringData value) {
    writeBytes(pos, value.byteArray(), value.offset(), value.sizeInBytes());
  }

  @Override
  public void writeBinary(int pos, byte[] value) {
    writeBytes(pos, value, 0, value.length);
  }

  private void writeBytes(int pos, byte[] source, int from, int length) {
    if (length > BinaryFormat.MAX_INLINE_LENGTH) {
      writeVariable(pos, source, from, length);
      return;
    }
    int slot = slot(pos);
    LONG.set(buffer, slot, 0L);
    buffer[slot] = (byte) (BinaryFormat.INLINE_MARK | length);
    System.arraycopy(source, from, buffer, slot + 1, length);
  }

  @Override
  public void writeDecimal(int pos, DecimalData value, int precision) {
    if (DecimalData.isCompact(precision)) {
      writeLong(pos, value.toUnscaledLong());
    } else {
      byte[] unscaled = value.toUnscaledBytes();
      writeVariable(pos, unscaled, 0, unscaled.length);
    }
  }

  @Override
  public void writeTimestamp(int pos, TimestampData value, int precision) {
    if (TimestampData.isCompact(precision)) {
      writeLong(pos, value.millisecond());
      return;
    }
    ensureCapacity(cursor + 8);
    LONG.set(buffer, cursor, value.millisecond());
    LONG.set(buffer, slot(pos), BinaryFormat.varSlot(cursor, value.nanoOfMillisecond()));
    cursor += 8;
  }

  @Override
  public void writeArray(int pos, BinaryArray value) {
    writeVariable(pos, value.bytes(), value.offset(), value.sizeInBytes());
  }

  @Override
  public void writeMap(int pos, BinaryMap value) {
    writeVariable(pos, value.bytes(), value.offset(), value.sizeInBytes());
  }

  @Override
  public void writeRow(int pos, BinaryRow value) {
    writeVariable(pos, value.bytes(), value.offset(), value.sizeInBytes());
  }

  /** Appends bytes to the variable part, zero-padded to 8, and points the slot at them. */
  private void writeVariable(int pos, byte[] source, int from, int length) {
    int padded = BinaryFormat.roundUpTo8(length);
    ensureCapacity(cursor + padded);
    System.arraycopy(source, from, buffer, cursor, length);
    Arrays.fill(buffer, cursor + length, cursor + padded, (byte) 0);
    LONG.set(buffer, slot(pos), BinaryFormat.varSlot(cursor, length));
    cursor += padded;
  }
}
