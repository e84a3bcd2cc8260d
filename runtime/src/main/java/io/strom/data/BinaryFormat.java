package io.strom.data;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The constants and byte access shared by the binary data classes and their writers.
 *
 * <p>Every binary section (row, array, map) is a fixed part of 8-byte-aligned slots followed by a
 * variable part, all big-endian. A variable-length value's slot holds {@code offset << 32 |
 * length}, the offset counted from the start of the section, so a section can be copied or nested
 * without rewriting. Strings and byte strings of at most 7 bytes are stored in the slot itself:
 * its first byte is {@code 0x80 | length} (offsets are below 2^31, so that bit is otherwise 0) and
 * the bytes follow. Variable parts are padded to 8 bytes with zeros, so equal values always have
 * equal bytes.
 */
final class BinaryFormat {
  static final VarHandle SHORT =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
  static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  /** Longest string or byte string stored inside its slot. */
  static final int MAX_INLINE_LENGTH = 7;
  static final int INLINE_MARK = 0x80;

  private BinaryFormat() {}

  static int roundUpTo8(int n) {
    return (n + 7) & ~7;
  }

  /** Bytes needed for {@code bits} null bits, rounded up to whole 8-byte words. */
  static int bitSetBytes(int bits) {
    return ((bits + 63) >>> 6) << 3;
  }

  static long varSlot(int offset, int length) {
    return ((long) offset << 32) | (length & 0xFFFFFFFFL);
  }

  static int slotOffset(long slot) {
    return (int) (slot >>> 32);
  }

  static int slotLength(long slot) {
    return (int) slot;
  }
}
