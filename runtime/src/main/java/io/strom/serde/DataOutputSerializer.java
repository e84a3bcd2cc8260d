package io.strom.serde;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A {@link DataOutputView} into a growable byte array; reused by calling {@link #clear()}. */
public final class DataOutputSerializer implements DataOutputView {
  private static final VarHandle SHORT =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private byte[] buffer;
  private int position;

  public DataOutputSerializer(int initialSize) {
    buffer = new byte[Math.max(16, initialSize)];
  }

  /** The backing array; valid bytes are {@code [0, length())}. */
  public byte[] buffer() {
    return buffer;
  }

  public int length() {
    return position;
  }

  public void clear() {
    position = 0;
  }

  /** Takes back what was written after the first {@code length} bytes. */
  public void truncate(int length) {
    if (length < 0 || length > position) {
      throw new IllegalArgumentException(
          "Bug: truncating " + position + " bytes to " + length);
    }
    position = length;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(buffer, position);
  }

  /** Overwrites an int at an earlier position, e.g. a length written before the payload. */
  public void writeIntAt(int pos, int value) {
    INT.set(buffer, pos, value);
  }

  private void ensure(int extra) {
    int needed = position + extra;
    if (needed > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(needed, buffer.length * 2));
    }
  }

  @Override
  public void write(int b) {
    ensure(1);
    buffer[position++] = (byte) b;
  }

  @Override
  public void write(byte[] b) {
    write(b, 0, b.length);
  }

  @Override
  public void write(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, buffer, position, len);
    position += len;
  }

  @Override
  public void writeBoolean(boolean v) {
    write(v ? 1 : 0);
  }

  @Override
  public void writeByte(int v) {
    write(v);
  }

  @Override
  public void writeShort(int v) {
    ensure(2);
    SHORT.set(buffer, position, (short) v);
    position += 2;
  }

  @Override
  public void writeChar(int v) {
    writeShort(v);
  }

  @Override
  public void writeInt(int v) {
    ensure(4);
    INT.set(buffer, position, v);
    position += 4;
  }

  @Override
  public void writeLong(long v) {
    ensure(8);
    LONG.set(buffer, position, v);
    position += 8;
  }

  @Override
  public void writeFloat(float v) {
    writeInt(Float.floatToRawIntBits(v));
  }

  @Override
  public void writeDouble(double v) {
    writeLong(Double.doubleToRawLongBits(v));
  }

  @Override
  public void writeBytes(String s) {
    int len = s.length();
    ensure(len);
    for (int i = 0; i < len; i++) {
      buffer[position++] = (byte) s.charAt(i);
    }
  }

  @Override
  public void writeChars(String s) {
    for (int i = 0; i < s.length(); i++) {
      writeChar(s.charAt(i));
    }
  }

  /** Writes a string as a var-int byte length followed by UTF-8 bytes (no 64 KB limit). */
  @Override
  public void writeUTF(String s) throws IOException {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    writeVarInt(bytes.length);
    write(bytes, 0, bytes.length);
  }
}
