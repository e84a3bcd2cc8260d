package io.strom.configuration;

import java.time.Duration;

/**
 * Options of checkpointing (Flink's keys): how often consistent snapshots of a running job are
 * taken, how long one may take, and where they are kept.
 */
public final class CheckpointingOptions {
  private CheckpointingOptions() {}

  /** The guarantee a checkpoint gives; chooses whether input channels align on barriers. */
  public enum CheckpointingMode {
    /** Channels that delivered a barrier wait for the others: state sees each record once. */
    EXACTLY_ONCE,
    /** No channel waits: after a restore, state may have seen some records twice. */
    AT_LEAST_ONCE
  }

  /** What becomes of a job's retained checkpoints when it ends (Flink's values). */
  public enum ExternalizedCheckpointRetention {
    /** Deleted when the job ends, however it ends. */
    NO_EXTERNALIZED_CHECKPOINTS,
    /** Kept when the job fails; deleted when it finishes or is canceled. */
    DELETE_ON_CANCELLATION,
    /** Kept when the job fails or is canceled; deleted when it finishes. */
    RETAIN_ON_CANCELLATION
  }

  public static final ConfigOption<Duration> INTERVAL =
      ConfigOptions.key("execution.checkpointing.interval")
          .durationType()
          .noDefaultValue()
          .withDescription(
              "Time between the starts of two checkpoints. Unset or 0 disables checkpointing.");

  public static final ConfigOption<Duration> TIMEOUT =
      ConfigOptions.key("execution.checkpointing.timeout")
          .durationType()
          .defaultValue(Duration.ofMinutes(10))
          .withDescription("A checkpoint not completed within this time is aborted.");

  public static final ConfigOption<Duration> MIN_PAUSE =
      ConfigOptions.key("execution.checkpointing.min-pause")
          .durationType()
          .defaultValue(Duration.ZERO)
          .withDescription(
              "Least time between the end of one checkpoint and the start of the next.");

  public static final ConfigOption<Integer> TOLERABLE_FAILED_CHECKPOINTS =
      ConfigOptions.key("execution.checkpointing.tolerable-failed-checkpoints")
          .intType()
          .defaultValue(0)
          .withDescription(
              "Checkpoints that may fail in a row (timed out, declined by a task that could not"
                  + " write its state, or not finalized) before the job fails over and restarts"
                  + " from its latest checkpoint; 0 tolerates none. Failures because a task or the"
                  + " job failed, and failed savepoints, do not count. A completed checkpoint"
                  + " starts the count again.");

  public static final ConfigOption<Integer> MAX_CONCURRENT_CHECKPOINTS =
      ConfigOptions.key("execution.checkpointing.max-concurrent-checkpoints")
          .intType()
          .defaultValue(1)
          .withDescription(
              "Checkpoints that may be in progress at once: no new one starts while this many"
                  + " run. Unaligned checkpoints run one at a time whatever it is set to.");

  public static final ConfigOption<CheckpointingMode> MODE =
      ConfigOptions.key("execution.checkpointing.mode")
          .enumType(CheckpointingMode.class)
          .defaultValue(CheckpointingMode.EXACTLY_ONCE)
          .withDescription(
              "EXACTLY_ONCE aligns barriers so state sees every record once after a restore;"
                  + " AT_LEAST_ONCE never holds input back but may count records twice.");

  public static final ConfigOption<Boolean> INCREMENTAL =
      ConfigOptions.key("execution.checkpointing.incremental")
          .booleanType()
          .defaultValue(false)
          .withFallbackKeys("state.backend.incremental")
          .withDescription(
              "With the rocksdb state backend: checkpoints store RocksDB's own files, and only"
                  + " files a previous checkpoint did not store are written; the others are"
                  + " shared between checkpoints. The hashmap backend ignores it.");

  public static final ConfigOption<Boolean> UNALIGNED =
      ConfigOptions.key("execution.checkpointing.unaligned")
          .booleanType()
          .defaultValue(false)
          .withFallbackKeys("execution.checkpointing.unaligned.enabled")
          .withDescription(
              "Unaligned checkpoints (EXACTLY_ONCE only): a barrier overtakes the data queued"
                  + " ahead of it, and that in-flight data becomes part of the checkpoint, so"
                  + " checkpoints complete quickly under backpressure. Savepoints stay aligned."
                  + " At another parallelism the in-flight data is redistributed as the exchanges"
                  + " route it.");

  public static final ConfigOption<Duration> ALIGNED_CHECKPOINT_TIMEOUT =
      ConfigOptions.key("execution.checkpointing.aligned-checkpoint-timeout")
          .durationType()
          .defaultValue(Duration.ZERO)
          .withFallbackKeys("execution.checkpointing.alignment-timeout")
          .withDescription(
              "With unaligned checkpoints: a checkpoint starts aligned and turns unaligned at"
                  + " a task whose alignment is still under way when the checkpoint is older"
                  + " than this (counted from its trigger); from then on its barriers overtake"
                  + " the data queued ahead of them. 0: unaligned from the start.");

  public static final ConfigOption<String> DIRECTORY =
      ConfigOptions.key("execution.checkpointing.dir")
          .locationType()
          .noDefaultValue()
          .withFallbackKeys("state.checkpoints.dir")
          .withDescription(
              "Directory checkpoints are written to, one subdirectory per job: a local path, a"
                  + " file: URI, or a URI of any scheme whose java.nio FileSystemProvider is on the"
                  + " classpath. Required when checkpointing is enabled.");

  public static final ConfigOption<String> SAVEPOINT_DIRECTORY =
      ConfigOptions.key("execution.checkpointing.savepoint-dir")
          .locationType()
          .noDefaultValue()
          .withFallbackKeys("state.savepoints.dir")
          .withDescription(
              "Directory savepoints are written to when no other is given, one subdirectory per"
                  + " savepoint (savepoint-<job>-<n>); a local path or a URI, as for"
                  + " execution.checkpointing.dir.");

  public static final ConfigOption<Integer> NUM_RETAINED =
      ConfigOptions.key("execution.checkpointing.num-retained")
          .intType()
          .defaultValue(1)
          .withFallbackKeys("state.checkpoints.num-retained")
          .withDescription(
              "Completed checkpoints kept per job; older ones are deleted. Whether they stay"
                  + " after the job ends: execution.checkpointing.externalized-checkpoint-retention.");

  public static final ConfigOption<ExternalizedCheckpointRetention> EXTERNALIZED_RETENTION =
      ConfigOptions.key("execution.checkpointing.externalized-checkpoint-retention")
          .enumType(ExternalizedCheckpointRetention.class)
          .defaultValue(ExternalizedCheckpointRetention.NO_EXTERNALIZED_CHECKPOINTS)
          .withDescription(
              "Whether retained checkpoints outlive their job, to start it again with"
                  + " execution.state-recovery.path: NO_EXTERNALIZED_CHECKPOINTS (deleted when the"
                  + " job ends), DELETE_ON_CANCELLATION (kept when it fails) or"
                  + " RETAIN_ON_CANCELLATION (kept when it fails or is canceled). A finished job's"
                  + " checkpoints are always deleted.");

  public static final ConfigOption<Boolean> RECOVERY_IGNORE_UNCLAIMED_STATE =
      ConfigOptions.key("execution.state-recovery.ignore-unclaimed-state")
          .booleanType()
          .defaultValue(false)
          .withFallbackKeys("execution.savepoint.ignore-unclaimed-state")
          .withDescription(
              "Whether a job started from execution.state-recovery.path may leave state of"
                  + " operators it no longer has unread (Flink's allowNonRestoredState). Off, such"
                  + " a start is refused, naming the operators; on, that state is dropped and the"
                  + " operators that replaced them start empty.");

  public static final ConfigOption<String> RECOVERY_PATH =
      ConfigOptions.key("execution.state-recovery.path")
          .locationType()
          .noDefaultValue()
          .withFallbackKeys("execution.savepoint.path")
          .withDescription(
              "A retained checkpoint directory (…/<job id>/chk-<n>) or a savepoint to start the"
                  + " job from, as a local path or a URI. The job may run with another"
                  + " parallelism than the one that wrote it.");
}
