package io.strom.format;

import io.strom.data.StringData;
import java.util.Arrays;

/** A growable byte array for building one record's or field's text; reused between records. */
public final class ByteBuilder {
  private byte[] bytes;
  private int length;

  public ByteBuilder(int initialCapacity) {
    bytes = new byte[Math.max(16, initialCapacity)];
  }

  public byte[] bytes() {
    return bytes;
  }

  public int length() {
    return length;
  }

  public void clear() {
    length = 0;
  }

  private void ensure(int extra) {
    if (length + extra > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + extra));
    }
  }

  public ByteBuilder append(byte b) {
    ensure(1);
    bytes[length++] = b;
    return this;
  }

  public ByteBuilder append(byte[] src, int off, int len) {
    ensure(len);
    System.arraycopy(src, off, bytes, length, len);
    length += len;
    return this;
  }

  /** Appends chars that are all ASCII. */
  public ByteBuilder appendAscii(char[] chars, int off, int len) {
    ensure(len);
    for (int i = 0; i < len; i++) {
      bytes[length++] = (byte) chars[off + i];
    }
    return this;
  }

  /** Appends an ASCII string, e.g. a number's text. */
  public ByteBuilder appendAscii(String s) {
    ensure(s.length());
    for (int i = 0; i < s.length(); i++) {
      bytes[length++] = (byte) s.charAt(i);
    }
    return this;
  }

  public ByteBuilder append(StringData s) {
    ensure(s.sizeInBytes());
    s.copyTo(bytes, length);
    length += s.sizeInBytes();
    return this;
  }

  /** Appends the decimal digits of {@code value} without creating a string. */
  public ByteBuilder appendLong(long value) {
    if (value == Long.MIN_VALUE) {
      return appendAscii("-9223372036854775808");
    }
    ensure(20);
    if (value < 0) {
      bytes[length++] = '-';
      value = -value;
    }
    int digits = 1;
    for (long rest = value; rest >= 10; rest /= 10) {
      digits++;
    }
    for (int i = length + digits - 1; i >= length; i--) {
      bytes[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    length += digits;
    return this;
  }
}
