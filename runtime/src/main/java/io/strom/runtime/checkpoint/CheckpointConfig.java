package io.strom.runtime.checkpoint;

import io.strom.configuration.CheckpointingOptions;
import io.strom.configuration.CheckpointingOptions.CheckpointingMode;
import io.strom.configuration.CheckpointingOptions.ExternalizedCheckpointRetention;
import io.strom.configuration.ConfigOption;
import io.strom.configuration.Configuration;
import io.strom.util.StorageLocations;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A job's checkpointing settings, read and checked once at submission.
 *
 * @param interval time between checkpoint starts; {@link Duration#ZERO} when checkpointing is off
 * @param timeout a checkpoint still pending after this is aborted
 * @param minPause least time from the end of one checkpoint to the start of the next
 * @param mode exactly-once (aligned barriers) or at-least-once
 * @param directory where checkpoints are written (with checkpointing off: where savepoints are
 *     prepared, the savepoint directory); null when the job can take neither
 * @param numRetained completed checkpoints kept
 * @param savepointDirectory where savepoints go when the request names no directory, or null
 * @param retention whether retained checkpoints outlive a job that failed or was canceled
 * @param tolerableFailures checkpoints that may fail in a row before the job fails over
 * @param maxConcurrent checkpoints that may be in progress at once (1 with unaligned checkpoints)
 */
public record CheckpointConfig(
    Duration interval,
    Duration timeout,
    Duration minPause,
    CheckpointingMode mode,
    Path directory,
    int numRetained,
    Path savepointDirectory,
    ExternalizedCheckpointRetention retention,
    int tolerableFailures,
    int maxConcurrent) {

  private static final Logger LOG = LoggerFactory.getLogger(CheckpointConfig.class);

  /** The shortest interval accepted: shorter ones would do little but checkpoint. */
  static final Duration MIN_INTERVAL = Duration.ofMillis(10);

  public boolean enabled() {
    return !interval.isZero();
  }

  /** Whether the job can take checkpoints or savepoints at all. */
  public boolean canSnapshot() {
    return directory != null;
  }

  /**
   * Where tasks write their snapshots: the checkpoint directory, or the savepoint directory when
   * only savepoints can be taken; null when neither is set.
   */
  public static Path workingDirectory(Configuration configuration) {
    String checkpoints = configuration.get(CheckpointingOptions.DIRECTORY);
    if (checkpoints != null && !checkpoints.isBlank()) {
      return resolve(CheckpointingOptions.DIRECTORY, checkpoints);
    }
    return savepointDirectory(configuration);
  }

  /**
   * How old a checkpoint may get while it aligns before it turns unaligned: the configured
   * aligned-checkpoint-timeout with unaligned checkpoints (exactly-once), else zero. Zero with
   * unaligned checkpoints means unaligned from the start.
   */
  public static Duration alignedCheckpointTimeout(Configuration configuration) {
    boolean unaligned = configuration.get(CheckpointingOptions.UNALIGNED)
        && configuration.get(CheckpointingOptions.MODE) == CheckpointingMode.EXACTLY_ONCE;
    return unaligned
        ? configuration.get(CheckpointingOptions.ALIGNED_CHECKPOINT_TIMEOUT)
        : Duration.ZERO;
  }

  private static Path savepointDirectory(Configuration configuration) {
    String savepoints = configuration.get(CheckpointingOptions.SAVEPOINT_DIRECTORY);
    return savepoints == null || savepoints.isBlank()
        ? null
        : resolve(CheckpointingOptions.SAVEPOINT_DIRECTORY, savepoints);
  }

  /**
   * Reads the settings of a job.
   *
   * @throws IllegalArgumentException naming the key that is set wrong and how to fix it
   */
  public static CheckpointConfig from(Configuration configuration) {
    Duration interval = configuration.get(CheckpointingOptions.INTERVAL);
    Duration timeout = configuration.get(CheckpointingOptions.TIMEOUT);
    Duration minPause = configuration.get(CheckpointingOptions.MIN_PAUSE);
    int maxConcurrent = configuration.get(CheckpointingOptions.MAX_CONCURRENT_CHECKPOINTS);
    int numRetained = configuration.get(CheckpointingOptions.NUM_RETAINED);
    String directory = configuration.get(CheckpointingOptions.DIRECTORY);
    CheckpointingMode mode = configuration.get(CheckpointingOptions.MODE);
    Path savepoints = savepointDirectory(configuration);
    ExternalizedCheckpointRetention retention =
        configuration.get(CheckpointingOptions.EXTERNALIZED_RETENTION);
    int tolerableFailures = configuration.get(CheckpointingOptions.TOLERABLE_FAILED_CHECKPOINTS);
    if (interval == null || interval.isZero()) {
      return new CheckpointConfig(
          Duration.ZERO, timeout, minPause, mode, workingDirectory(configuration), numRetained,
          savepoints, retention, tolerableFailures, 1);
    }
    require(!interval.isNegative() && interval.compareTo(MIN_INTERVAL) >= 0,
        CheckpointingOptions.INTERVAL.key() + " must be at least " + MIN_INTERVAL.toMillis()
            + " ms (or 0 to disable checkpointing), was " + interval.toMillis() + " ms");
    require(timeout.compareTo(MIN_INTERVAL) >= 0,
        CheckpointingOptions.TIMEOUT.key() + " must be at least " + MIN_INTERVAL.toMillis()
            + " ms, was " + timeout.toMillis() + " ms");
    require(!minPause.isNegative(),
        CheckpointingOptions.MIN_PAUSE.key() + " must not be negative");
    require(maxConcurrent >= 1,
        CheckpointingOptions.MAX_CONCURRENT_CHECKPOINTS.key() + " must be at least 1, was "
            + maxConcurrent);
    boolean unaligned = configuration.get(CheckpointingOptions.UNALIGNED);
    if (maxConcurrent > 1 && unaligned && mode == CheckpointingMode.EXACTLY_ONCE) {
      // As in Flink, unaligned checkpoints do not run concurrently: the job runs, one at a time.
      LOG.warn(
          "{} = {} is ignored: concurrent unaligned checkpoints are not supported, so one"
              + " checkpoint runs at a time ({} = true).",
          CheckpointingOptions.MAX_CONCURRENT_CHECKPOINTS.key(), maxConcurrent,
          CheckpointingOptions.UNALIGNED.key());
      maxConcurrent = 1;
    }
    require(!unaligned || mode == CheckpointingMode.EXACTLY_ONCE,
        CheckpointingOptions.UNALIGNED.key() + " = true needs " + CheckpointingOptions.MODE.key()
            + " = EXACTLY_ONCE, but it is " + mode + ". Unaligned checkpoints keep the data in"
            + " flight so that every record counts once; AT_LEAST_ONCE never holds input back"
            + " anyway. Unset one of the two.");
    Duration alignedTimeout = configuration.get(CheckpointingOptions.ALIGNED_CHECKPOINT_TIMEOUT);
    require(!alignedTimeout.isNegative(),
        CheckpointingOptions.ALIGNED_CHECKPOINT_TIMEOUT.key() + " must not be negative, was "
            + alignedTimeout.toMillis() + " ms; 0 makes unaligned checkpoints unaligned from"
            + " the start.");
    require(tolerableFailures >= 0,
        CheckpointingOptions.TOLERABLE_FAILED_CHECKPOINTS.key() + " must not be negative, was "
            + tolerableFailures);
    require(numRetained >= 1,
        CheckpointingOptions.NUM_RETAINED.key() + " must be at least 1, was " + numRetained);
    require(directory != null && !directory.isBlank(),
        "Checkpointing is enabled (" + CheckpointingOptions.INTERVAL.key() + " = "
            + interval.toMillis() + " ms) but no directory is set: set "
            + CheckpointingOptions.DIRECTORY.key() + " to a local directory or a URI.");
    return new CheckpointConfig(
        interval, timeout, minPause, mode, resolve(CheckpointingOptions.DIRECTORY, directory),
        numRetained,
        savepoints, retention, tolerableFailures, maxConcurrent);
  }

  /** The path a location option names; an error says which option. */
  public static Path resolve(ConfigOption<String> option, String location) {
    try {
      return StorageLocations.resolve(location);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(option.key() + ": " + e.getMessage(), e);
    }
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
