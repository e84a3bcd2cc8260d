package io.strom.benchmarks;

import io.strom.runtime.state.KeyGroupRange;
import io.strom.runtime.state.KeyGroupSnapshot;
import io.strom.runtime.time.InternalTimerService;
import io.strom.runtime.time.ProcessingTimeService;
import io.strom.runtime.time.TimerServiceManager;
import io.strom.runtime.time.Triggerable;
import io.strom.serde.DataOutputSerializer;

/**
 * The pause of the task's thread in the synchronous part of a checkpoint with many timers on the
 * heap: the time {@link TimerServiceManager#snapshot} takes to freeze them, and, for comparison,
 * the time a snapshot thread then takes to write them all.
 *
 * <pre>
 * bin/strom-bench timers [--timers 1000000] [--runs 20]
 * </pre>
 */
final class TimerFreezeBenchmark {
  private static final int MAX_PARALLELISM = 128;

  private TimerFreezeBenchmark() {}

  static void main(String[] args) throws Exception {
    int timers = 1_000_000;
    int runs = 20;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--timers" -> timers = Integer.parseInt(args[++i].replace("_", ""));
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("Unknown option " + args[i]);
      }
    }
    KeyGroupRange all = new KeyGroupRange(0, MAX_PARALLELISM - 1);
    TimerServiceManager<Long> manager =
        new TimerServiceManager<>(all, MAX_PARALLELISM, new NoProcessingTime());
    InternalTimerService<Long, String> service =
        manager.getTimerService("timers", new NeverFired());
    for (long key = 0; key < timers; key++) {
      service.registerEventTimeTimer(key, "window", 1_000 + key % 10_000);
    }
    long[] freezeNanos = new long[runs];
    long[] writeNanos = new long[runs];
    DataOutputSerializer out = new DataOutputSerializer(1 << 20);
    // One run more than measured: the first warms up the JIT.
    for (int run = -1; run < runs; run++) {
      long start = System.nanoTime();
      KeyGroupSnapshot snapshot = manager.snapshot(true);
      long frozen = System.nanoTime();
      try (snapshot) {
        for (int kg = all.first(); kg <= all.last(); kg++) {
          out.clear();
          snapshot.writeKeyGroup(kg, out);
        }
      }
      long written = System.nanoTime();
      if (run >= 0) {
        freezeNanos[run] = frozen - start;
        writeNanos[run] = written - frozen;
      }
    }
    PauseTable.header("part", "timers");
    PauseTable.row("freeze (task thread)", timers, freezeNanos);
    PauseTable.row("write (snapshot thread)", timers, writeNanos);
    manager.close();
  }

  /** The target of timers that never fire: the watermark never advances. */
  private static final class NeverFired implements Triggerable<Long, String> {
    @Override
    public void onEventTime(Long key, String namespace, long time) {}

    @Override
    public void onProcessingTime(Long key, String namespace, long time) {}
  }

  /** Event-time timers only: processing time stands still and is never scheduled. */
  private static final class NoProcessingTime implements ProcessingTimeService {
    @Override
    public long currentProcessingTime() {
      return 0;
    }

    @Override
    public Cancellable registerTimer(long timestamp, ProcessingTimeCallback callback) {
      return () -> {};
    }

    @Override
    public Cancellable scheduleAtFixedRate(
        ProcessingTimeCallback callback, long initialDelayMillis, long periodMillis) {
      return () -> {};
    }
  }
}
