package io.strom.connector.nexmark;

/**
 * Spaces out one reader's events to its share of the event rate, so that event time keeps step
 * with the wall clock. Used on the reader's task thread; it waits by sleeping briefly (at most
 * 50 ms at a time), which suits a source whose purpose here is to be slow.
 */
final class EmissionPacer {
  private final double eventsPerNano;
  private final long startNanos = System.nanoTime();
  private long granted;

  EmissionPacer(double eventsPerSecond) {
    if (eventsPerSecond <= 0) {
      throw new IllegalArgumentException("Rate must be positive: " + eventsPerSecond);
    }
    this.eventsPerNano = eventsPerSecond / 1e9;
  }

  /** Waits until at least one event is due, then allows up to {@code max} events. */
  int acquire(int max) throws InterruptedException {
    while (true) {
      long due = (long) ((System.nanoTime() - startNanos) * eventsPerNano) - granted;
      if (due > 0) {
        int allowed = (int) Math.min(max, due);
        granted += allowed;
        return allowed;
      }
      double nanosUntilNext = (granted + 1) / eventsPerNano - (System.nanoTime() - startNanos);
      Thread.sleep(Math.max(1, Math.min((long) (nanosUntilNext / 1e6), 50)));
    }
  }
}
