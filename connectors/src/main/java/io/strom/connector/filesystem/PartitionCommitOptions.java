package io.strom.connector.filesystem;

import static io.strom.connector.filesystem.FileSystemConnectorOptions.AUTO_COMPACTION;
import static io.strom.connector.filesystem.FileSystemConnectorOptions.PARTITION_TIME_EXTRACTOR_KIND;
import static io.strom.connector.filesystem.FileSystemConnectorOptions.SINK_PARTITION_COMMIT_DELAY;
import static io.strom.connector.filesystem.FileSystemConnectorOptions.SINK_PARTITION_COMMIT_POLICY_KIND;
import static io.strom.connector.filesystem.FileSystemConnectorOptions.SINK_PARTITION_COMMIT_SUCCESS_FILE_NAME;
import static io.strom.connector.filesystem.FileSystemConnectorOptions.SINK_PARTITION_COMMIT_TRIGGER;

import io.strom.connector.ConnectorException;
import io.strom.connector.ReadableOptions;
import java.io.Serializable;
import java.time.Duration;

/**
 * The partition commit options of a filesystem sink, checked: the trigger, its delay and the
 * policies. What Strom cannot do is refused here, naming the option.
 *
 * @param partitionTime whether the trigger is {@code partition-time} (else {@code process-time})
 * @param successFileName the success file's name when the {@code success-file} policy is on, else
 *     null
 */
record PartitionCommitOptions(boolean partitionTime, Duration delay, String successFileName)
    implements Serializable {

  static PartitionCommitOptions from(ReadableOptions options) {
    String trigger = options.get(SINK_PARTITION_COMMIT_TRIGGER);
    if (!trigger.equals("process-time") && !trigger.equals("partition-time")) {
      throw options.invalidValue(
          SINK_PARTITION_COMMIT_TRIGGER.key(), trigger, "'process-time' or 'partition-time'");
    }
    String extractor = options.get(PARTITION_TIME_EXTRACTOR_KIND);
    if (!extractor.equals("default")) {
      throw new ConnectorException(
          "'" + PARTITION_TIME_EXTRACTOR_KIND.key() + "' = '" + extractor + "' is not supported:"
              + " partition times come from the 'default' extractor only.");
    }
    if (options.get(AUTO_COMPACTION)) {
      throw new ConnectorException(
          "'" + AUTO_COMPACTION.key() + "' = 'true' is not supported: the filesystem sink does not"
              + " compact files. Remove the option.");
    }
    String successFile = null;
    String kinds = options.getOptional(SINK_PARTITION_COMMIT_POLICY_KIND).orElse("");
    for (String kind : kinds.split(",")) {
      switch (kind.trim()) {
        case "" -> { }
        case "success-file" -> successFile = options.get(SINK_PARTITION_COMMIT_SUCCESS_FILE_NAME);
        // A table of the filesystem connector has no metastore to tell: the policy does nothing.
        case "metastore" -> { }
        case "custom" -> throw new ConnectorException(
            "'" + SINK_PARTITION_COMMIT_POLICY_KIND.key() + "' = 'custom' is not supported: commit"
                + " policies are 'success-file' and 'metastore'.");
        default -> throw options.invalidValue(
            SINK_PARTITION_COMMIT_POLICY_KIND.key(), kinds,
            "'success-file', 'metastore' or both separated by ','");
      }
    }
    return new PartitionCommitOptions(
        trigger.equals("partition-time"), options.get(SINK_PARTITION_COMMIT_DELAY), successFile);
  }

  /**
   * The policy of an insert. A bounded one commits every partition at the end of its input, as
   * Flink does, so every trigger works; an unbounded one commits at checkpoints, which is the
   * {@code process-time} trigger without delay.
   *
   * @throws ConnectorException for an unbounded insert with another trigger
   */
  PartitionCommitPolicy policy(boolean bounded, boolean partitioned) {
    boolean immediate = !partitionTime && delay.isZero();
    if (!bounded && partitioned && successFileName != null && !immediate) {
      throw new ConnectorException(
          "An unbounded insert into a partitioned filesystem table commits partitions when"
              + " checkpoints complete, which is 'sink.partition-commit.trigger' = 'process-time'"
              + " with 'sink.partition-commit.delay' = '0 s'; the 'partition-time' trigger and"
              + " delays are supported for bounded inserts only.");
    }
    return new PartitionCommitPolicy(successFileName, immediate);
  }
}
