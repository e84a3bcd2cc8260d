package io.strom.data;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The internal value of {@code CHAR} and {@code VARCHAR}: UTF-8 bytes, decoded to a Java string only
 * when asked and then cached.
 *
 * <p>A string read from a {@link BinaryRow} views the row's bytes without copying, so it changes if
 * the row's buffer is reused; {@link #copy()} detaches it. Equality, hashing and ordering work on
 * the bytes; byte order equals code point order for UTF-8.
 */
public final class StringData implements Comparable<StringData> {
  public static final StringData EMPTY = new StringData(new byte[0], 0, 0, "");

  private final byte[] bytes;
  private final int offset;
  private final int length;
  private String decoded;

  private StringData(byte[] bytes, int offset, int length, String decoded) {
    this.bytes = bytes;
    this.offset = offset;
    this.length = length;
    this.decoded = decoded;
  }

  /** Encodes {@code s} as UTF-8; returns null for null, as SQL NULL stays NULL. */
  public static StringData fromString(String s) {
    if (s == null) {
      return null;
    }
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    return new StringData(utf8, 0, utf8.length, s);
  }

  /** Wraps UTF-8 bytes without copying; the caller must not change them afterwards. */
  public static StringData fromBytes(byte[] utf8) {
    return fromBytes(utf8, 0, utf8.length);
  }

  /** Wraps a range of UTF-8 bytes without copying; the caller must not change them afterwards. */
  public static StringData fromBytes(byte[] utf8, int offset, int length) {
    requireNonNull(utf8, "utf8");
    if (offset < 0 || length < 0 || offset + length > utf8.length) {
      throw new IndexOutOfBoundsException(
          "Range [" + offset + ", " + offset + " + " + length + ") is outside an array of "
              + utf8.length);
    }
    return new StringData(utf8, offset, length, null);
  }

  /** The array holding the bytes; valid bytes are {@code [offset(), offset() + sizeInBytes())}. */
  public byte[] byteArray() {
    return bytes;
  }

  public int offset() {
    return offset;
  }

  public int sizeInBytes() {
    return length;
  }

  /** A fresh array with exactly this string's UTF-8 bytes. */
  public byte[] toBytes() {
    return Arrays.copyOfRange(bytes, offset, offset + length);
  }

  /** Copies this string's bytes into {@code target} at {@code position}. */
  public void copyTo(byte[] target, int position) {
    System.arraycopy(bytes, offset, target, position, length);
  }

  /** A copy that shares no bytes with this one. */
  public StringData copy() {
    return new StringData(toBytes(), 0, length, decoded);
  }

  /** The number of code points: every byte that does not continue a UTF-8 sequence starts one. */
  public int numChars() {
    int count = 0;
    int end = offset + length;
    for (int i = offset; i < end; i++) {
      if ((bytes[i] & 0xC0) != 0x80) {
        count++;
      }
    }
    return count;
  }

  /** Orders by unsigned bytes, which for UTF-8 is the order of code points. */
  @Override
  public int compareTo(StringData other) {
    return Arrays.compareUnsigned(
        bytes, offset, offset + length, other.bytes, other.offset, other.offset + other.length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StringData other
        && Arrays.equals(
            bytes, offset, offset + length, other.bytes, other.offset, other.offset + other.length);
  }

  @Override
  public int hashCode() {
    return Hashing.hashBytes(bytes, offset, length);
  }

  @Override
  public String toString() {
    String s = decoded;
    if (s == null) {
      s = new String(bytes, offset, length, StandardCharsets.UTF_8);
      decoded = s;
    }
    return s;
  }
}
