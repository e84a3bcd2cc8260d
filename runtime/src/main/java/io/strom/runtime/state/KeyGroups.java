package io.strom.runtime.state;

/**
 * Maps keys to key groups, and key groups to parallel subtasks. A key's key group depends only on
 * the key and the maximum parallelism, so state can be redistributed when parallelism changes.
 */
public final class KeyGroups {
  private KeyGroups() {}

  /** The key group of a key: a scrambled {@code hashCode} modulo the maximum parallelism. */
  public static int keyGroupOf(Object key, int maxParallelism) {
    if (key == null) {
      throw new NullPointerException("Keys must not be null");
    }
    return keyGroupOfHash(key.hashCode(), maxParallelism);
  }

  /** The key group of a key's hash code. */
  public static int keyGroupOfHash(int hashCode, int maxParallelism) {
    return Math.floorMod(scramble(hashCode), maxParallelism);
  }

  /** The subtask that owns a key group. */
  public static int subtaskOf(int keyGroup, int maxParallelism, int parallelism) {
    return keyGroup * parallelism / maxParallelism;
  }

  /** The key groups subtask {@code index} of {@code parallelism} owns. */
  public static KeyGroupRange rangeOf(int maxParallelism, int parallelism, int index) {
    if (parallelism > maxParallelism) {
      throw new IllegalArgumentException(
          "Parallelism " + parallelism + " exceeds the maximum parallelism " + maxParallelism);
    }
    int first = ceilDiv(index * maxParallelism, parallelism);
    int last = ceilDiv((index + 1) * maxParallelism, parallelism) - 1;
    return new KeyGroupRange(first, last);
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }

  /** Murmur3's 32-bit finalizer: spreads poor hash codes (small ints, strings) over all groups. */
  private static int scramble(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }
}
