package io.strom.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sampler of the used heap: every 50 ms on a daemon thread, keeping the largest value. Shared by
 * the Strom and the Apache Flink Nexmark runners so that both peak-heap columns are measured
 * alike.
 */
public final class HeapWatch implements Runnable {
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicLong peak = new AtomicLong();
  private Thread thread;

  private HeapWatch() {}

  /** Starts sampling now. */
  public static HeapWatch start() {
    HeapWatch watch = new HeapWatch();
    watch.thread = new Thread(watch, "heap-watch");
    watch.thread.setDaemon(true);
    watch.thread.start();
    return watch;
  }

  @Override
  public void run() {
    while (running.get()) {
      peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Stops sampling and returns the peak used heap in bytes. */
  public long stop() {
    running.set(false);
    thread.interrupt();
    return peak.get();
  }
}
