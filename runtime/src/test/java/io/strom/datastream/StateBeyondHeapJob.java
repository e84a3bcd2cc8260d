package io.strom.datastream;

import io.strom.api.eventtime.WatermarkStrategy;
import io.strom.api.functions.Collector;
import io.strom.api.functions.RuntimeContext;
import io.strom.api.state.ValueState;
import io.strom.api.state.ValueStateDescriptor;
import io.strom.api.typeinfo.Types;
import io.strom.configuration.CheckpointingOptions;
import io.strom.configuration.CheckpointingOptions.ExternalizedCheckpointRetention;
import io.strom.configuration.Configuration;
import io.strom.configuration.MemorySize;
import io.strom.configuration.RestartStrategyOptions;
import io.strom.configuration.StateBackendOptions;
import io.strom.configuration.TaskManagerOptions;
import io.strom.datastream.functions.KeyedProcessFunction;
import io.strom.datastream.sink.CollectSink;
import io.strom.runtime.checkpoint.CheckpointStorage;
import io.strom.runtime.checkpoint.CompletedCheckpoint;
import io.strom.runtime.checkpoint.OperatorState;
import io.strom.runtime.checkpoint.OperatorSubtaskState;
import io.strom.runtime.cluster.JobClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;

/**
 * Program that {@link RocksDbStateBeyondHeapTest} runs in a JVM with a small heap: a job whose
 * keyed operator keeps {@code keys} values of {@link #VALUE_BYTES} incompressible bytes in RocksDB.
 *
 * <p>{@code write <work dir> <keys>} writes every key, waits for a full checkpoint ({@code
 * execution.checkpointing.incremental = false}) that holds them all, takes a savepoint and cancels
 * the job, keeping that checkpoint. Both are written in the state file format, key group by key
 * group, from RocksDB snapshots on the snapshot thread. {@code read <work dir> <keys> <checkpoint or
 * savepoint> <parallelism>} restores the job from it at that parallelism and reads every key
 * back, comparing each value with the one written. Either prints one line {@value
 * #RESULT_PREFIX} followed by {@code name=value} pairs.
 */
public final class StateBeyondHeapJob {
  static final String RESULT_PREFIX = "STATE_BEYOND_HEAP";
  static final int VALUE_BYTES = 1024;

  /** Sum of the CRC-32 of each value written or read; a sum, so the order does not matter. */
  private static final AtomicLong CHECKSUM = new AtomicLong();

  private static final AtomicLong KEYS_READ = new AtomicLong();
  private static final AtomicLong WRONG_VALUES = new AtomicLong();

  private StateBeyondHeapJob() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      throw new IllegalArgumentException(
          "usage: write <work dir> <keys> | read <work dir> <keys> <checkpoint> <parallelism>");
    }
    Path work = Path.of(args[1]);
    long keys = Long.parseLong(args[2]);
    switch (args[0]) {
      case "write" -> write(work, keys);
      case "read" -> read(work, keys, Path.of(args[3]), Integer.parseInt(args[4]));
      default -> throw new IllegalArgumentException("unknown phase " + args[0]);
    }
  }

  /** The value of {@code key}: pseudo-random bytes, so neither RocksDB nor the disk can shrink it. */
  static void valueOf(long key, byte[] into) {
    new SplittableRandom(key).nextBytes(into);
  }

  static long checksumOf(byte[] value) {
    CRC32 crc = new CRC32();
    crc.update(value);
    return crc.getValue();
  }

  /** The checksum of every key's value, as the job computes it. */
  static long expectedChecksum(long keys) {
    byte[] value = new byte[VALUE_BYTES];
    long sum = 0;
    for (long key = 0; key < keys; key++) {
      valueOf(key, value);
      sum += checksumOf(value);
    }
    return sum;
  }

  private static void write(Path work, long keys) throws Exception {
    JobClient job = submit(work, keys, null, 1);
    if (!WriteThenReadSource.WRITES_CHECKPOINTED.await(2, TimeUnit.MINUTES)) {
      throw new IllegalStateException("no checkpoint completed after the writes within 2 minutes");
    }
    String savepoint =
        job.triggerSavepoint(work.resolve("savepoints").toString()).get(2, TimeUnit.MINUTES);
    job.cancel().get(1, TimeUnit.MINUTES);
    Path checkpoint = RecoveryTestJob.latestRetainedCheckpoint(checkpoints(work), job.jobId());
    report(
        "phase=write keys=" + keys
            + " checksum=" + CHECKSUM.get()
            + " checkpointBytes=" + stateFileBytes(checkpoint)
            + " savepointBytes=" + stateFileBytes(Path.of(savepoint))
            + " checkpoint=" + checkpoint
            + " savepoint=" + savepoint);
  }

  private static void read(Path work, long keys, Path checkpoint, int parallelism)
      throws Exception {
    JobClient job = submit(work, keys, checkpoint, parallelism);
    try {
      job.result().get(2, TimeUnit.MINUTES);
    } catch (ExecutionException e) {
      throw new IllegalStateException("the restored job failed", e.getCause());
    }
    report(
        "phase=read keys=" + KEYS_READ.get()
            + " checksum=" + CHECKSUM.get()
            + " wrongValues=" + WRONG_VALUES.get());
  }

  private static void report(String pairs) {
    System.out.println(
        RESULT_PREFIX + " " + pairs + " maxHeap=" + Runtime.getRuntime().maxMemory());
  }

  private static Path checkpoints(Path work) {
    return work.resolve("checkpoints");
  }

  private static JobClient submit(Path work, long keys, Path restoreFrom, int parallelism)
      throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    Configuration conf = env.getConfiguration();
    conf.set(StateBackendOptions.TYPE, "rocksdb");
    conf.set(StateBackendOptions.ROCKSDB_LOCAL_DIR, work.resolve("rocksdb").toString());
    // Full checkpoints, as savepoints are: the state file is streamed from RocksDB snapshots.
    conf.set(CheckpointingOptions.INCREMENTAL, false);
    conf.set(RestartStrategyOptions.TYPE, "none");
    // The network buffers are allocated on the heap at start, 64 MB by default: a fixed cost,
    // not one that grows with state, but too much for this heap. One exchange needs a few.
    conf.set(TaskManagerOptions.NETWORK_MEMORY, MemorySize.parse("4 mb"));
    if (restoreFrom == null) {
      conf.set(CheckpointingOptions.INTERVAL, Duration.ofSeconds(1));
      conf.set(CheckpointingOptions.DIRECTORY, checkpoints(work).toString());
      conf.set(CheckpointingOptions.NUM_RETAINED, 1);
      conf.set(
          CheckpointingOptions.EXTERNALIZED_RETENTION,
          ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    } else {
      // No checkpoints while reading: this test does not need them.
      conf.set(CheckpointingOptions.RECOVERY_PATH, restoreFrom.toString());
    }
    env.fromSource(new WriteThenReadSource(keys), WatermarkStrategy.noWatermarks(), "Keys", Types.LONG)
        .keyBy(n -> n < keys ? n : n - keys)
        .process(new ValuePerKey(keys))
        .sinkTo(new CollectSink<>());
    return env.executeAsync("state beyond the heap");
  }

  /** Bytes of the state files of a completed checkpoint or savepoint, as stored. */
  private static long stateFileBytes(Path checkpoint) throws Exception {
    CompletedCheckpoint completed = CheckpointStorage.load(checkpoint);
    long bytes = 0;
    for (OperatorState op : completed.operators().values()) {
      for (OperatorSubtaskState subtask : op.subtasks().values()) {
        if (subtask.keyed() != null) {
          if (subtask.keyed().nativeState() != null) {
            throw new IllegalStateException(checkpoint + " is an incremental checkpoint");
          }
          bytes += Files.size(checkpoint.resolve(subtask.keyed().fileName()));
        }
      }
    }
    return bytes;
  }

  /**
   * Stores the value of each key its write names; compares the stored value of each key its read
   * names with the one written. Adds every value to the checksum.
   */
  static final class ValuePerKey extends KeyedProcessFunction<Long, Long, Long> {
    private final long keys;
    private transient ValueState<byte[]> value;
    private transient byte[] expected;

    ValuePerKey(long keys) {
      this.keys = keys;
    }

    @Override
    public void open(RuntimeContext context) {
      value = context.getState(new ValueStateDescriptor<>("value", Types.BYTES));
      expected = new byte[VALUE_BYTES];
    }

    @Override
    public void processElement(Long n, Context ctx, Collector<Long> out) throws Exception {
      long key = ctx.getCurrentKey();
      valueOf(key, expected);
      if (n < keys) {
        value.update(expected); // serialized into RocksDB at once, so the buffer is reused
        CHECKSUM.addAndGet(checksumOf(expected));
        return;
      }
      byte[] stored = value.value();
      KEYS_READ.incrementAndGet();
      if (stored == null || !Arrays.equals(stored, expected)) {
        WRONG_VALUES.incrementAndGet();
      }
      if (stored != null) {
        CHECKSUM.addAndGet(checksumOf(stored));
      }
    }
  }
}
