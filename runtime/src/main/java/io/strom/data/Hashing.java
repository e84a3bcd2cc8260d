package io.strom.data;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Hashes of byte ranges, shared by the binary data classes so equal bytes give equal hashes. */
final class Hashing {
  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final long MULTIPLIER = 0x9E3779B97F4A7C15L;

  private Hashing() {}

  /** A well-mixed hash of {@code bytes[offset, offset + length)}, reading 8 bytes at a time. */
  static int hashBytes(byte[] bytes, int offset, int length) {
    long h = length * MULTIPLIER;
    int end = offset + length;
    int i = offset;
    for (; i + 8 <= end; i += 8) {
      h = mix(h ^ (long) LONG.get(bytes, i));
    }
    for (; i < end; i++) {
      h = mix(h ^ (bytes[i] & 0xFFL));
    }
    return (int) (h ^ (h >>> 32));
  }

  /** One round of a 64-bit finalizer in the style of SplitMix64. */
  private static long mix(long value) {
    long z = (value + MULTIPLIER) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
