package io.strom.benchmarks;

import io.strom.api.state.ValueStateDescriptor;
import io.strom.api.typeinfo.Types;
import io.strom.runtime.state.InternalValueState;
import io.strom.runtime.state.KeyGroupRange;
import io.strom.runtime.state.VoidNamespace;
import io.strom.runtime.state.heap.HeapKeyedStateBackend;
import io.strom.runtime.state.heap.HeapStateSnapshot;

/**
 * The pause of the task's thread in the synchronous part of a heap checkpoint: the time {@link
 * HeapKeyedStateBackend#capture} takes for a value state of {@code Long}s. Up to 1,048,576 entries
 * their references are taken as arrays, one pass over the entries; a larger state is copied on
 * write instead, and only its tables' slot arrays are taken.
 *
 * <pre>
 * bin/strom-bench heap-capture [--keys 1000000] [--runs 20]
 * </pre>
 */
final class HeapCaptureBenchmark {
  private static final int MAX_PARALLELISM = 128;

  private HeapCaptureBenchmark() {}

  static void main(String[] args) throws Exception {
    int keys = 1_000_000;
    int runs = 20;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--keys" -> keys = Integer.parseInt(args[++i].replace("_", ""));
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("Unknown option " + args[i]);
      }
    }
    PauseTable.header("state", "keys");
    HeapKeyedStateBackend<Long> longs = newBackend();
    InternalValueState<Long, VoidNamespace, Long> sums =
        longs.valueState(new ValueStateDescriptor<>("sums", Types.LONG));
    for (long key = 0; key < keys; key++) {
      sums.update(key, VoidNamespace.INSTANCE, key);
    }
    PauseTable.row("Long values", keys, capturePauses(longs, runs));
    longs.close();
  }

  private static HeapKeyedStateBackend<Long> newBackend() {
    return new HeapKeyedStateBackend<>(
        new KeyGroupRange(0, MAX_PARALLELISM - 1), MAX_PARALLELISM, System::currentTimeMillis);
  }

  /** Capture pauses in nanoseconds; one run more than measured warms up the JIT. */
  private static long[] capturePauses(HeapKeyedStateBackend<Long> backend, int runs) {
    long[] nanos = new long[runs];
    for (int run = -1; run < runs; run++) {
      long start = System.nanoTime();
      HeapStateSnapshot snapshot = backend.capture();
      long captured = System.nanoTime();
      snapshot.release();
      if (run >= 0) {
        nanos[run] = captured - start;
      }
    }
    return nanos;
  }
}
