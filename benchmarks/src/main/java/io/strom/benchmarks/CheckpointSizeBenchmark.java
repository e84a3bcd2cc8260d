package io.strom.benchmarks;

import io.strom.api.state.ValueStateDescriptor;
import io.strom.api.typeinfo.Types;
import io.strom.runtime.checkpoint.CheckpointStorage;
import io.strom.runtime.checkpoint.NativeKeyedState;
import io.strom.runtime.checkpoint.StateFile;
import io.strom.runtime.state.InternalValueState;
import io.strom.runtime.state.KeyGroupRange;
import io.strom.runtime.state.KeyGroupSnapshot;
import io.strom.runtime.state.VoidNamespace;
import io.strom.runtime.state.rocksdb.RocksDbIncrementalSnapshots;
import io.strom.runtime.state.rocksdb.RocksDbKeyedStateBackend;
import io.strom.serde.DataOutputSerializer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Checkpoint duration and size of the RocksDB backend, full against incremental: loads the state
 * (1 KB incompressible values) and compacts it, as a long-running job's database would be, then
 * per interval changes a share of the keys and takes both a
 * full checkpoint (every key group in the portable format, written to a file) and an incremental
 * one (RocksDB's files, only new ones copied).
 *
 * <pre>
 * bin/strom-bench checkpoint [--state-mb 1024] [--changed-percent 1] [--intervals 3] [--dir DIR]
 * </pre>
 */
final class CheckpointSizeBenchmark {
  private static final int VALUE_BYTES = 1024;
  private static final int MAX_PARALLELISM = 128;

  private CheckpointSizeBenchmark() {}

  static void main(String[] args) throws Exception {
    long stateMb = 1024;
    double changedPercent = 1;
    int intervals = 3;
    Path dir = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--state-mb" -> stateMb = Long.parseLong(args[++i]);
        case "--changed-percent" -> changedPercent = Double.parseDouble(args[++i]);
        case "--intervals" -> intervals = Integer.parseInt(args[++i]);
        case "--dir" -> dir = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("Unknown option " + args[i]);
      }
    }
    Path work = dir != null ? dir : Files.createTempDirectory("strom-bench-checkpoint");
    try {
      run(work, (int) (stateMb * 1024 * 1024 / VALUE_BYTES), changedPercent / 100, intervals);
    } finally {
      BenchmarkFiles.deleteRecursively(work);
    }
  }

  private static void run(Path work, int keys, double changedShare, int intervals)
      throws Exception {
    CheckpointStorage storage = new CheckpointStorage(work.resolve("checkpoints"), "bench");
    KeyGroupRange range = new KeyGroupRange(0, MAX_PARALLELISM - 1);
    try (RocksDbKeyedStateBackend<Integer> backend =
        new RocksDbKeyedStateBackend<>(range, MAX_PARALLELISM, () -> 0L, work.resolve("db"), null)) {
      InternalValueState<Integer, VoidNamespace, byte[]> state =
          backend.valueState(new ValueStateDescriptor<>("value", Types.BYTES));
      SplittableRandom random = new SplittableRandom(42);
      byte[] value = new byte[VALUE_BYTES];
      long start = System.nanoTime();
      for (int key = 0; key < keys; key++) {
        fill(random, value);
        state.update(key, VoidNamespace.INSTANCE, value);
      }
      backend.compactAll();
      System.out.printf(
          Locale.ROOT, "loaded %,d keys (%,d MB of values) and compacted them in %.1f s%n",
          keys, (long) keys * VALUE_BYTES >> 20, (System.nanoTime() - start) / 1e9);
      System.out.printf(
          Locale.ROOT, "%-9s %-12s %12s %12s %14s %14s%n",
          "interval", "checkpoint", "sync ms", "total ms", "written MB", "state MB");
      RocksDbIncrementalSnapshots incremental = backend.incrementalSnapshots();
      Set<String> stored = new HashSet<>();
      Random pick = new Random(7);
      for (int interval = 0; interval <= intervals; interval++) {
        if (interval > 0) {
          int changes = (int) (keys * changedShare);
          for (int c = 0; c < changes; c++) {
            fill(random, value);
            state.update(pick.nextInt(keys), VoidNamespace.INSTANCE, value);
          }
        }
        long id = interval + 1;
        long t0 = System.nanoTime();
        RocksDbIncrementalSnapshots.PreparedSnapshot prepared = incremental.prepare(id);
        long t1 = System.nanoTime();
        NativeKeyedState uploaded = prepared.upload(storage, "op");
        long t2 = System.nanoTime();
        incremental.confirm(id);
        long written = 0;
        for (StateFile file : uploaded.files()) {
          if (!file.isShared() || stored.add(file.path())) {
            written += file.length();
          }
        }
        report(interval, "incremental", t1 - t0, t2 - t0, written, uploaded.totalBytes());

        long full;
        long synchronous;
        try (KeyGroupSnapshot snapshot = backend.snapshot()) {
          synchronous = System.nanoTime() - t2;
          full = fullCheckpoint(snapshot, range, work.resolve("full-" + id + ".state"));
        }
        long t3 = System.nanoTime();
        report(interval, "full", synchronous, t3 - t2, full, full);
        Files.delete(work.resolve("full-" + id + ".state"));
      }
    }
  }

  /**
   * Writes every key group of a full snapshot in the portable format to a file, key group by key
   * group, as a snapshot thread does; returns the bytes written.
   */
  private static long fullCheckpoint(KeyGroupSnapshot snapshot, KeyGroupRange range, Path file)
      throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(1 << 20);
    long total = 0;
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      for (int kg = range.first(); kg <= range.last(); kg++) {
        out.clear();
        snapshot.writeKeyGroup(kg, out);
        ByteBuffer bytes = ByteBuffer.wrap(out.buffer(), 0, out.length());
        while (bytes.hasRemaining()) {
          total += channel.write(bytes);
        }
      }
      channel.force(true);
    }
    return total;
  }

  private static void report(
      int interval, String kind, long syncNanos, long totalNanos, long written, long size) {
    System.out.printf(
        Locale.ROOT, "%-9d %-12s %,12.0f %,12.0f %,14.1f %,14.1f%n",
        interval, kind, syncNanos / 1e6, totalNanos / 1e6, written / 1048576.0, size / 1048576.0);
  }

  private static void fill(SplittableRandom random, byte[] value) {
    for (int i = 0; i < value.length; i += 8) {
      long bits = random.nextLong();
      for (int b = 0; b < 8 && i + b < value.length; b++) {
        value[i + b] = (byte) (bits >>> (8 * b));
      }
    }
  }
}
