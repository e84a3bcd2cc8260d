package io.strom.runtime.metrics;

import java.util.concurrent.atomic.LongAdder;

/** A count that only grows, e.g. records in or late records dropped. */
public final class Counter {
  // Incremented by the task thread, read by whoever reports metrics.
  private final LongAdder count = new LongAdder();

  public void inc() {
    count.increment();
  }

  public void inc(long n) {
    count.add(n);
  }

  public long count() {
    return count.sum();
  }
}
