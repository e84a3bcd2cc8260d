package io.strom.connector.filesystem;

import io.strom.configuration.ConfigOption;
import io.strom.configuration.ConfigOptions;
import io.strom.configuration.MemorySize;
import java.time.Duration;

/** The options of the {@code filesystem} connector, as Flink names them. */
public final class FileSystemConnectorOptions {
  private FileSystemConnectorOptions() {}

  public static final ConfigOption<String> PATH =
      ConfigOptions.key("path")
          .stringType()
          .noDefaultValue()
          .withDescription(
              "A file or directory on the local file system (a plain path or a file:// URI). A"
                  + " source reads a directory's non-hidden files recursively; a sink writes part"
                  + " files into the directory.");

  public static final ConfigOption<String> PARTITION_DEFAULT_NAME =
      ConfigOptions.key("partition.default-name")
          .stringType()
          .defaultValue("__DEFAULT_PARTITION__")
          .withDescription(
              "The directory value of a partition whose column is NULL or an empty string.");

  public static final ConfigOption<String> SINK_PARTITION_COMMIT_TRIGGER =
      ConfigOptions.key("sink.partition-commit.trigger")
          .stringType()
          .defaultValue("process-time")
          .withDescription(
              "When a partition is committed: 'process-time' (at the checkpoint after it was"
                  + " written plus the delay) or 'partition-time' (once the watermark passes the"
                  + " time extracted from its values plus the delay). A bounded insert commits"
                  + " every partition at the end of its input.");

  public static final ConfigOption<String> LOOKUP_CACHE =
      ConfigOptions.key("lookup.cache")
          .stringType()
          .defaultValue("FULL")
          .withDescription(
              "How a lookup join caches the table: only 'FULL' (the whole table in memory, read"
                  + " when the join starts), since a file has no index to look a key up in.");

  public static final ConfigOption<String> LOOKUP_FULL_CACHE_RELOAD_STRATEGY =
      ConfigOptions.key("lookup.full-cache.reload-strategy")
          .stringType()
          .defaultValue("PERIODIC")
          .withDescription(
              "When the FULL cache is read again: only 'PERIODIC', every"
                  + " 'lookup.full-cache.periodic-reload.interval'.");

  public static final ConfigOption<Duration> LOOKUP_FULL_CACHE_PERIODIC_RELOAD_INTERVAL =
      ConfigOptions.key("lookup.full-cache.periodic-reload.interval")
          .durationType()
          .noDefaultValue()
          .withDescription(
              "How often the FULL cache reads the table again, so that lookups see files added"
                  + " or rewritten since; without it the table is read once.");

  public static final ConfigOption<Duration> SINK_PARTITION_COMMIT_DELAY =
      ConfigOptions.key("sink.partition-commit.delay")
          .durationType()
          .defaultValue(Duration.ZERO)
          .withDescription("How long after its trigger a partition is committed.");

  public static final ConfigOption<String> SINK_PARTITION_COMMIT_WATERMARK_TIME_ZONE =
      ConfigOptions.key("sink.partition-commit.watermark-time-zone")
          .stringType()
          .defaultValue("UTC")
          .withDescription("The time zone of the watermark for the 'partition-time' trigger.");

  public static final ConfigOption<String> SINK_PARTITION_COMMIT_POLICY_KIND =
      ConfigOptions.key("sink.partition-commit.policy.kind")
          .stringType()
          .noDefaultValue()
          .withDescription(
              "How partitions are committed, a ','-separated list of 'success-file' (an empty"
                  + " success file in the partition's directory) and 'metastore' (nothing for a"
                  + " table without a metastore).");

  public static final ConfigOption<String> SINK_PARTITION_COMMIT_POLICY_CLASS =
      ConfigOptions.key("sink.partition-commit.policy.class")
          .stringType()
          .noDefaultValue()
          .withDescription("The class of a 'custom' commit policy (not supported).");

  public static final ConfigOption<String> SINK_PARTITION_COMMIT_SUCCESS_FILE_NAME =
      ConfigOptions.key("sink.partition-commit.success-file.name")
          .stringType()
          .defaultValue("_SUCCESS")
          .withDescription("The name of the success file of the 'success-file' policy.");

  public static final ConfigOption<String> PARTITION_TIME_EXTRACTOR_KIND =
      ConfigOptions.key("partition.time-extractor.kind")
          .stringType()
          .defaultValue("default")
          .withDescription("How a partition's time is extracted from its values: 'default'.");

  public static final ConfigOption<String> PARTITION_TIME_EXTRACTOR_CLASS =
      ConfigOptions.key("partition.time-extractor.class")
          .stringType()
          .noDefaultValue()
          .withDescription("The class of a 'custom' time extractor (not supported).");

  public static final ConfigOption<String> PARTITION_TIME_EXTRACTOR_TIMESTAMP_PATTERN =
      ConfigOptions.key("partition.time-extractor.timestamp-pattern")
          .stringType()
          .noDefaultValue()
          .withDescription(
              "How the partition's values make its time, e.g. '$dt $hour:00:00'; by default the"
                  + " first partition column.");

  public static final ConfigOption<String> PARTITION_TIME_EXTRACTOR_TIMESTAMP_FORMATTER =
      ConfigOptions.key("partition.time-extractor.timestamp-formatter")
          .stringType()
          .defaultValue("yyyy-MM-dd HH:mm:ss")
          .withDescription("The format of the time the timestamp pattern makes.");

  public static final ConfigOption<MemorySize> SINK_ROLLING_POLICY_FILE_SIZE =
      ConfigOptions.key("sink.rolling-policy.file-size")
          .memoryType()
          .defaultValue(MemorySize.parse("128mb"))
          .withDescription(
              "The largest part file before it rolls. Strom rolls part files at every checkpoint"
                  + " only.");

  public static final ConfigOption<Duration> SINK_ROLLING_POLICY_ROLLOVER_INTERVAL =
      ConfigOptions.key("sink.rolling-policy.rollover-interval")
          .durationType()
          .defaultValue(Duration.ofMinutes(30))
          .withDescription(
              "The longest time a part file stays open. Strom rolls part files at every"
                  + " checkpoint only.");

  public static final ConfigOption<Duration> SINK_ROLLING_POLICY_CHECK_INTERVAL =
      ConfigOptions.key("sink.rolling-policy.check-interval")
          .durationType()
          .defaultValue(Duration.ofMinutes(1))
          .withDescription("How often the rolling policy is checked.");

  public static final ConfigOption<Duration> SINK_ROLLING_POLICY_INACTIVITY_INTERVAL =
      ConfigOptions.key("sink.rolling-policy.inactivity-interval")
          .durationType()
          .defaultValue(Duration.ofMinutes(30))
          .withDescription("How long a part file may stay open without rows.");

  public static final ConfigOption<Boolean> SINK_SHUFFLE_BY_PARTITION =
      ConfigOptions.key("sink.shuffle-by-partition.enable")
          .booleanType()
          .defaultValue(false)
          .withDescription(
              "Whether rows are exchanged by their partition before the sink, so that fewer"
                  + " subtasks write each partition. Accepted; it does not change what is written.");

  public static final ConfigOption<Boolean> AUTO_COMPACTION =
      ConfigOptions.key("auto-compaction")
          .booleanType()
          .defaultValue(false)
          .withDescription("Whether small files are compacted (not supported).");
}
