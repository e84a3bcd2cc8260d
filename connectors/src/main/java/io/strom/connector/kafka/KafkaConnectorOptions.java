package io.strom.connector.kafka;

import io.strom.configuration.ConfigOption;
import io.strom.configuration.ConfigOptions;
import java.time.Duration;

/** The options of the {@code kafka} connector, as Flink names them. */
public final class KafkaConnectorOptions {
  private KafkaConnectorOptions() {}

  /** Keys under this prefix go to the Kafka clients with the prefix removed. */
  public static final String PROPERTIES_PREFIX = "properties.";

  public static final ConfigOption<String> TOPIC =
      ConfigOptions.key("topic")
          .stringType()
          .noDefaultValue()
          .withDescription("The topic to read or write; a source reads several separated by ';'.");

  public static final ConfigOption<String> TOPIC_PATTERN =
      ConfigOptions.key("topic-pattern")
          .stringType()
          .noDefaultValue()
          .withDescription("A Java regular expression; a source reads every topic whose name matches.");

  public static final ConfigOption<String> BOOTSTRAP_SERVERS =
      ConfigOptions.key("properties.bootstrap.servers")
          .stringType()
          .noDefaultValue()
          .withDescription("The brokers to connect to first, host:port separated by ','.");

  public static final ConfigOption<String> GROUP_ID =
      ConfigOptions.key("properties.group.id")
          .stringType()
          .noDefaultValue()
          .withDescription(
              "The consumer group: offsets are read from it for 'group-offsets' and committed to it"
                  + " when a checkpoint completes.");

  public static final ConfigOption<String> KEY_FORMAT =
      ConfigOptions.key("key.format")
          .stringType()
          .noDefaultValue()
          .withDescription("The format of the record key; needs 'key.fields'.");

  public static final ConfigOption<String> VALUE_FORMAT =
      ConfigOptions.key("value.format")
          .stringType()
          .noDefaultValue()
          .withFallbackKeys("format")
          .withDescription("The format of the record value ('format' is the same option).");

  public static final ConfigOption<String> KEY_FIELDS =
      ConfigOptions.key("key.fields")
          .stringType()
          .noDefaultValue()
          .withDescription("The physical columns stored in the record key, separated by ';'.");

  public static final ConfigOption<String> KEY_FIELDS_PREFIX =
      ConfigOptions.key("key.fields-prefix")
          .stringType()
          .defaultValue("")
          .withDescription(
              "A prefix of the key columns' names that the key format does not see, so key and"
                  + " value columns can share names in the records.");

  /** Which columns the value holds. */
  public enum ValueFieldsStrategy {
    ALL,
    EXCEPT_KEY
  }

  public static final ConfigOption<ValueFieldsStrategy> VALUE_FIELDS_INCLUDE =
      ConfigOptions.key("value.fields-include")
          .enumType(ValueFieldsStrategy.class)
          .defaultValue(ValueFieldsStrategy.ALL)
          .withDescription("ALL: the value holds every physical column; EXCEPT_KEY: all but the key's.");

  public static final ConfigOption<StartupMode> SCAN_STARTUP_MODE =
      ConfigOptions.key("scan.startup.mode")
          .enumType(StartupMode.class)
          .defaultValue(StartupMode.GROUP_OFFSETS)
          .withDescription("Where a source starts in each partition.");

  public static final ConfigOption<Long> SCAN_STARTUP_TIMESTAMP_MILLIS =
      ConfigOptions.key("scan.startup.timestamp-millis")
          .longType()
          .noDefaultValue()
          .withDescription("For 'timestamp': the first record at or after this time, epoch milliseconds.");

  public static final ConfigOption<String> SCAN_STARTUP_SPECIFIC_OFFSETS =
      ConfigOptions.key("scan.startup.specific-offsets")
          .stringType()
          .noDefaultValue()
          .withDescription("For 'specific-offsets': 'partition:0,offset:42;partition:1,offset:300'.");

  public static final ConfigOption<BoundedMode> SCAN_BOUNDED_MODE =
      ConfigOptions.key("scan.bounded.mode")
          .enumType(BoundedMode.class)
          .defaultValue(BoundedMode.UNBOUNDED)
          .withDescription("Where a source stops in each partition; anything but 'unbounded' ends the scan.");

  public static final ConfigOption<Long> SCAN_BOUNDED_TIMESTAMP_MILLIS =
      ConfigOptions.key("scan.bounded.timestamp-millis")
          .longType()
          .noDefaultValue()
          .withDescription("For 'timestamp': stop before the first record at or after this time.");

  public static final ConfigOption<String> SCAN_BOUNDED_SPECIFIC_OFFSETS =
      ConfigOptions.key("scan.bounded.specific-offsets")
          .stringType()
          .noDefaultValue()
          .withDescription("For 'specific-offsets': stop before these offsets, in the startup form.");

  public static final ConfigOption<Duration> SCAN_TOPIC_PARTITION_DISCOVERY_INTERVAL =
      ConfigOptions.key("scan.topic-partition-discovery.interval")
          .durationType()
          .defaultValue(Duration.ofMinutes(5))
          .withDescription(
              "How often an unbounded source looks for new partitions and matching topics; 0 turns"
                  + " discovery off.");

  public static final ConfigOption<SinkPartitioner> SINK_PARTITIONER =
      ConfigOptions.key("sink.partitioner")
          .enumType(SinkPartitioner.class)
          .defaultValue(SinkPartitioner.DEFAULT)
          .withDescription(
              "default: by key hash, records without key spread by Kafka; fixed: writer i writes"
                  + " partition i modulo the partitions; round-robin: partitions in turn.");

  public static final ConfigOption<DeliveryGuarantee> SINK_DELIVERY_GUARANTEE =
      ConfigOptions.key("sink.delivery-guarantee")
          .enumType(DeliveryGuarantee.class)
          .defaultValue(DeliveryGuarantee.AT_LEAST_ONCE)
          .withDescription("none, at-least-once (flush at every checkpoint) or exactly-once.");

  public static final ConfigOption<String> SINK_TRANSACTIONAL_ID_PREFIX =
      ConfigOptions.key("sink.transactional-id-prefix")
          .stringType()
          .noDefaultValue()
          .withDescription("For exactly-once: the prefix of the writers' transactional ids; unique per job.");

  public static final ConfigOption<Integer> SINK_BUFFER_FLUSH_MAX_ROWS =
      ConfigOptions.key("sink.buffer-flush.max-rows")
          .intType()
          .defaultValue(0)
          .withDescription(
              "upsert-kafka: buffer up to this many rows, keeping only the last per key, before"
                  + " sending; 0 (or an interval of 0) sends every row at once.");

  public static final ConfigOption<Duration> SINK_BUFFER_FLUSH_INTERVAL =
      ConfigOptions.key("sink.buffer-flush.interval")
          .durationType()
          .defaultValue(Duration.ZERO)
          .withDescription(
              "upsert-kafka: send buffered rows once the oldest waited this long (checked as rows"
                  + " arrive, and at every checkpoint); 0 (or max-rows 0) turns buffering off.");

  /** Where a source starts reading each partition. */
  public enum StartupMode {
    EARLIEST_OFFSET,
    LATEST_OFFSET,
    GROUP_OFFSETS,
    TIMESTAMP,
    SPECIFIC_OFFSETS;

    @Override
    public String toString() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  /** Where a bounded source stops reading each partition. */
  public enum BoundedMode {
    UNBOUNDED,
    LATEST_OFFSET,
    GROUP_OFFSETS,
    TIMESTAMP,
    SPECIFIC_OFFSETS;

    @Override
    public String toString() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  /** How a sink chooses a record's partition. */
  public enum SinkPartitioner {
    DEFAULT,
    FIXED,
    ROUND_ROBIN;

    @Override
    public String toString() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  /** What a sink promises about records reaching Kafka. */
  public enum DeliveryGuarantee {
    NONE,
    AT_LEAST_ONCE,
    EXACTLY_ONCE;

    @Override
    public String toString() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }
}
