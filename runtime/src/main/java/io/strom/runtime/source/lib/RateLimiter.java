package io.strom.runtime.source.lib;

/**
 * Spaces out a reader's records to a number per second. Used on the reader's task thread; it waits
 * by sleeping briefly, which is fine for a generator whose whole purpose is to be slow.
 */
final class RateLimiter {
  private final double permitsPerNano;
  private final long startNanos = System.nanoTime();
  private long granted;

  RateLimiter(double permitsPerSecond) {
    if (permitsPerSecond <= 0) {
      throw new IllegalArgumentException("Rate must be positive: " + permitsPerSecond);
    }
    this.permitsPerNano = permitsPerSecond / 1e9;
  }

  /** Waits until at least one permit is due, then grants up to {@code max} permits. */
  int acquire(int max) throws InterruptedException {
    while (true) {
      long due = (long) ((System.nanoTime() - startNanos) * permitsPerNano) - granted;
      if (due > 0) {
        int n = (int) Math.min(max, due);
        granted += n;
        return n;
      }
      long waitNanos = (long) ((granted + 1 - (System.nanoTime() - startNanos) * permitsPerNano) / permitsPerNano);
      Thread.sleep(Math.max(1, Math.min(waitNanos / 1_000_000, 50)));
    }
  }
}
