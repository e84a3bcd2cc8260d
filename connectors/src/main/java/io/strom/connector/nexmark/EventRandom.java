package io.strom.connector.nexmark;

/**
 * A small pseudo-random generator (SplitMix64) that is reseeded for every event, so an event's
 * values depend on the seed and its event number alone: readers can generate any subset of the
 * events, in any order, and a restored reader repeats nothing and misses nothing. Reseeding
 * allocates nothing, unlike a new {@link java.util.Random} per event. Not thread-safe.
 */
final class EventRandom {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private long state;

  /** Starts the sequence of {@code key} under {@code seed}. */
  void reseed(long seed, long key) {
    // Mixing both keeps the sequences of neighbouring keys unrelated; adding would shift them.
    state = mix(seed ^ mix(key + GOLDEN_GAMMA));
  }

  long nextLong() {
    state += GOLDEN_GAMMA;
    return mix(state);
  }

  /** Uniform in {@code [0, bound)}; {@code bound} must be positive. */
  int nextInt(int bound) {
    // Multiply-shift: the top 32 random bits scaled to the bound, without a division.
    return (int) (((nextLong() >>> 32) * bound) >>> 32);
  }

  /** Uniform in {@code [0, bound)}; {@code bound} must be positive. */
  long nextLong(long bound) {
    if (bound <= Integer.MAX_VALUE) {
      return nextInt((int) bound);
    }
    return Math.floorMod(nextLong(), bound);
  }

  /** Uniform in {@code [0, 1)}. */
  double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
