package io.strom.connector.kafka;

import static io.strom.connector.kafka.KafkaConnectorOptions.*;

import io.strom.configuration.ConfigOption;
import io.strom.connector.ConnectorException;
import io.strom.connector.DecodingFormatFactory;
import io.strom.connector.DynamicTableSinkFactory;
import io.strom.connector.DynamicTableSourceFactory;
import io.strom.connector.EncodingFormatFactory;
import io.strom.connector.FactoryUtil;
import io.strom.connector.FactoryUtil.TableFactoryHelper;
import io.strom.connector.ReadableOptions;
import io.strom.connector.ScanTableSource;
import io.strom.connector.TableContext;
import io.strom.connector.TableSink;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import io.strom.connector.kafka.KafkaConnectorOptions.DeliveryGuarantee;
import io.strom.connector.kafka.KafkaConnectorOptions.ValueFieldsStrategy;

/**
 * Factory of the {@code kafka} connector: scans of one or more topics (or a topic pattern) and a
 * sink into one topic, with a format for the value and optionally one for the key.
 */
public final class KafkaTableFactory implements DynamicTableSourceFactory, DynamicTableSinkFactory {
  public static final String IDENTIFIER = "kafka";

  @Override
  public String identifier() {
    return IDENTIFIER;
  }

  @Override
  public Set<ConfigOption<?>> requiredOptions() {
    return Set.of(BOOTSTRAP_SERVERS);
  }

  @Override
  public Set<ConfigOption<?>> optionalOptions() {
    return Set.of(
        TOPIC, TOPIC_PATTERN, GROUP_ID, KEY_FORMAT, VALUE_FORMAT, KEY_FIELDS, KEY_FIELDS_PREFIX,
        VALUE_FIELDS_INCLUDE, SCAN_STARTUP_MODE, SCAN_STARTUP_TIMESTAMP_MILLIS,
        SCAN_STARTUP_SPECIFIC_OFFSETS, SCAN_BOUNDED_MODE, SCAN_BOUNDED_TIMESTAMP_MILLIS,
        SCAN_BOUNDED_SPECIFIC_OFFSETS, SCAN_TOPIC_PARTITION_DISCOVERY_INTERVAL, SINK_PARTITIONER,
        SINK_DELIVERY_GUARANTEE, SINK_TRANSACTIONAL_ID_PREFIX, FactoryUtil.SINK_PARALLELISM,
        FactoryUtil.SCAN_WATERMARK_IDLE_TIMEOUT);
  }

  @Override
  public ScanTableSource createSource(TableContext context) {
    TableFactoryHelper helper = FactoryUtil.helper(this, context);
    ReadableOptions options = helper.options();
    KafkaTableSource.FormatChoice keyFormat =
        options.contains(KEY_FORMAT) ? decodingFormat(helper, KEY_FORMAT, "key.") : null;
    KafkaTableSource.FormatChoice valueFormat =
        decodingFormat(helper, VALUE_FORMAT, valueOptionPrefix(context));
    helper.validateExcept(PROPERTIES_PREFIX);
    KafkaTableLayout layout = layout(context, options, keyFields(options));
    KafkaTableSource source = new KafkaTableSource(
        sourceSettings(context, options, startingOffsets(options, context)),
        layout, keyFormat, valueFormat, false);
    // Create the decoders once now, so that bad format options and types fail while planning.
    source.createRuntimeSource();
    return source;
  }

  @Override
  public TableSink createSink(TableContext context) {
    TableFactoryHelper helper = FactoryUtil.helper(this, context);
    ReadableOptions options = helper.options();
    EncodingFormatFactory keyFormat =
        options.contains(KEY_FORMAT) ? helper.discoverEncodingFormat(KEY_FORMAT, "key.") : null;
    EncodingFormatFactory valueFormat =
        helper.discoverEncodingFormat(VALUE_FORMAT, valueOptionPrefix(context));
    helper.validateExcept(PROPERTIES_PREFIX);
    return sink(IDENTIFIER, context, helper, layout(context, options, keyFields(options)), keyFormat,
        valueFormat, false, KafkaSinkSettings.UpsertBufferSettings.NONE);
  }

  /** The {@code key.fields} option, checked to come with {@code key.format}; null when unset. */
  private static String keyFields(ReadableOptions options) {
    String keyFields = options.get(KEY_FIELDS);
    if (options.contains(KEY_FORMAT) != (keyFields != null)) {
      throw new ConnectorException(
          keyFields == null
              ? "'key.format' needs 'key.fields': the columns that the record key holds."
              : "'key.fields' needs 'key.format': the format of the record key.");
    }
    return keyFields;
  }

  /** A decoding format named by {@code option}, with options written {@code <prefix><format>.x}. */
  static KafkaTableSource.FormatChoice decodingFormat(
      TableFactoryHelper helper, ConfigOption<String> option, String prefix) {
    DecodingFormatFactory format = helper.discoverDecodingFormat(option, prefix);
    return new KafkaTableSource.FormatChoice(
        format, helper.formatOptions(format, prefix), prefix + format.identifier() + ".");
  }

  /**
   * The sink of a kafka or upsert-kafka table whose options were validated.
   *
   * @param keyFormat the key's format, or null when records have no key
   * @param upsert whether rows are upserts by the key
   */
  static KafkaTableSink sink(
      String connector,
      TableContext context,
      TableFactoryHelper helper,
      KafkaTableLayout layout,
      EncodingFormatFactory keyFormat,
      EncodingFormatFactory valueFormat,
      boolean upsert,
      KafkaSinkSettings.UpsertBufferSettings buffer) {
    ReadableOptions options = helper.options();
    String topic = options.get(TOPIC);
    if (topic == null || options.contains(TOPIC_PATTERN) || topic.contains(";")) {
      throw new ConnectorException(
          "A kafka sink writes exactly one topic: set 'topic' to one name ('topic-pattern' and"
              + " lists are for sources only).");
    }
    DeliveryGuarantee guarantee = options.get(SINK_DELIVERY_GUARANTEE);
    String transactionalIdPrefix = options.get(SINK_TRANSACTIONAL_ID_PREFIX);
    if (guarantee == DeliveryGuarantee.EXACTLY_ONCE
        && (transactionalIdPrefix == null || transactionalIdPrefix.isBlank())) {
      throw new ConnectorException(
          "'sink.delivery-guarantee' = 'exactly-once' needs 'sink.transactional-id-prefix', a"
              + " prefix of transactional ids that no other job uses.");
    }
    Integer parallelism = options.get(FactoryUtil.SINK_PARALLELISM);
    if (parallelism != null && parallelism < 1) {
      throw options.invalidValue(
          FactoryUtil.SINK_PARALLELISM.key(), parallelism.toString(), "a positive whole number");
    }
    String valuePrefix = valueOptionPrefix(context);
    KafkaRecordEncoder encoder = new KafkaRecordEncoder(
        layout,
        keyFormat == null ? null : keyFormat.createEncoder(layout.keyType(), helper.formatOptions(keyFormat, "key.")),
        valueFormat.createEncoder(layout.valueType(), helper.formatOptions(valueFormat, valuePrefix)),
        upsert);
    KafkaSinkSettings settings = new KafkaSinkSettings(
        topic,
        KafkaClients.properties(context.options()),
        guarantee,
        options.get(SINK_PARTITIONER),
        transactionalIdPrefix,
        buffer);
    return new KafkaTableSink(connector, settings, encoder, valueFormat.identifier(), parallelism);
  }

  /** Value format options are written {@code value.<format>.x} with 'value.format', else {@code <format>.x}. */
  static String valueOptionPrefix(TableContext context) {
    return context.options().containsKey(VALUE_FORMAT.key()) ? "value." : "";
  }

  /** The layout of key and value columns, the key holding {@code keyFields} (';'-separated, or null). */
  static KafkaTableLayout layout(TableContext context, ReadableOptions options, String keyFields) {
    String prefix = options.get(KEY_FIELDS_PREFIX);
    ValueFieldsStrategy strategy = options.get(VALUE_FIELDS_INCLUDE);
    if (!prefix.isEmpty() && strategy != ValueFieldsStrategy.EXCEPT_KEY) {
      throw new ConnectorException(
          "'key.fields-prefix' needs 'value.fields-include' = 'EXCEPT_KEY'.");
    }
    return KafkaTableLayout.of(context.physicalType(), keyFields, prefix, strategy);
  }

  /** How a source reads, starting at {@code startingOffsets}. */
  static KafkaSourceSettings sourceSettings(
      TableContext context, ReadableOptions options, PartitionOffsets startingOffsets) {
    return new KafkaSourceSettings(
        subscription(options),
        KafkaClients.properties(context.options()),
        startingOffsets,
        stoppingOffsets(options, KafkaClients.properties(context.options()).get("group.id")),
        options.get(SCAN_TOPIC_PARTITION_DISCOVERY_INTERVAL).toMillis(),
        options.get(FactoryUtil.SCAN_WATERMARK_IDLE_TIMEOUT));
  }

  private static PartitionOffsets startingOffsets(ReadableOptions options, TableContext context) {
    Map<String, String> properties = KafkaClients.properties(context.options());
    return startingOffsets(
        options, properties.get("group.id"), resetPolicy(properties.get("auto.offset.reset")));
  }

  static KafkaSubscription subscription(ReadableOptions options) {
    String topic = options.get(TOPIC);
    String pattern = options.get(TOPIC_PATTERN);
    if ((topic == null) == (pattern == null)) {
      throw new ConnectorException(
          "A kafka source needs exactly one of 'topic' (a name, or names separated by ';') and"
              + " 'topic-pattern' (a regular expression).");
    }
    if (pattern != null) {
      try {
        java.util.regex.Pattern.compile(pattern);
      } catch (java.util.regex.PatternSyntaxException e) {
        throw options.invalidValue(TOPIC_PATTERN.key(), pattern, "a Java regular expression");
      }
      return new KafkaSubscription(List.of(), pattern);
    }
    List<String> topics =
        Arrays.stream(topic.split(";")).map(String::trim).filter(t -> !t.isEmpty()).toList();
    if (topics.isEmpty()) {
      throw options.invalidValue(TOPIC.key(), topic, "a topic name, or names separated by ';'");
    }
    return new KafkaSubscription(topics, null);
  }

  private static Boolean resetPolicy(String autoOffsetReset) {
    if (autoOffsetReset == null) {
      return null;
    }
    return switch (autoOffsetReset.trim().toLowerCase(Locale.ROOT)) {
      case "earliest" -> Boolean.TRUE;
      case "latest" -> Boolean.FALSE;
      case "none" -> null;
      default -> throw new ConnectorException(
          "Invalid value '" + autoOffsetReset + "' for option 'properties.auto.offset.reset':"
              + " expected 'earliest', 'latest' or 'none'.");
    };
  }

  private static PartitionOffsets startingOffsets(
      ReadableOptions options, String groupId, Boolean resetToEarliest) {
    StartupMode mode = options.get(SCAN_STARTUP_MODE);
    return switch (mode) {
      case EARLIEST_OFFSET -> PartitionOffsets.of(PartitionOffsets.Kind.EARLIEST);
      case LATEST_OFFSET -> PartitionOffsets.of(PartitionOffsets.Kind.LATEST);
      case GROUP_OFFSETS -> {
        if (groupId == null) {
          throw new ConnectorException(
              "'scan.startup.mode' = 'group-offsets' (the default) needs 'properties.group.id'; set"
                  + " it, or choose another 'scan.startup.mode' such as 'earliest-offset'.");
        }
        yield new PartitionOffsets(PartitionOffsets.Kind.GROUP, 0, Map.of(), groupId, resetToEarliest);
      }
      case TIMESTAMP -> new PartitionOffsets(
          PartitionOffsets.Kind.TIMESTAMP,
          required(options, SCAN_STARTUP_TIMESTAMP_MILLIS, SCAN_STARTUP_MODE, mode),
          Map.of(), null, null);
      case SPECIFIC_OFFSETS -> new PartitionOffsets(
          PartitionOffsets.Kind.SPECIFIC, 0,
          specificOffsets(options, SCAN_STARTUP_SPECIFIC_OFFSETS, SCAN_STARTUP_MODE, mode),
          groupId, resetToEarliest);
    };
  }

  private static PartitionOffsets stoppingOffsets(ReadableOptions options, String groupId) {
    BoundedMode mode = options.get(SCAN_BOUNDED_MODE);
    return switch (mode) {
      case UNBOUNDED -> null;
      case LATEST_OFFSET -> PartitionOffsets.of(PartitionOffsets.Kind.LATEST);
      case GROUP_OFFSETS -> {
        if (groupId == null) {
          throw new ConnectorException(
              "'scan.bounded.mode' = 'group-offsets' needs 'properties.group.id'.");
        }
        yield new PartitionOffsets(PartitionOffsets.Kind.GROUP, 0, Map.of(), groupId, Boolean.FALSE);
      }
      case TIMESTAMP -> new PartitionOffsets(
          PartitionOffsets.Kind.TIMESTAMP,
          required(options, SCAN_BOUNDED_TIMESTAMP_MILLIS, SCAN_BOUNDED_MODE, mode),
          Map.of(), null, null);
      // Partitions without an offset of their own stop at their end as of the start.
      case SPECIFIC_OFFSETS -> new PartitionOffsets(
          PartitionOffsets.Kind.SPECIFIC, 0,
          specificOffsets(options, SCAN_BOUNDED_SPECIFIC_OFFSETS, SCAN_BOUNDED_MODE, mode),
          null, null);
    };
  }

  private static long required(
      ReadableOptions options, ConfigOption<Long> option, ConfigOption<?> modeOption, Object mode) {
    Long value = options.get(option);
    if (value == null) {
      throw new ConnectorException(
          "'" + modeOption.key() + "' = '" + mode + "' needs '" + option.key() + "'.");
    }
    return value;
  }

  private static Map<Integer, Long> specificOffsets(
      ReadableOptions options, ConfigOption<String> option, ConfigOption<?> modeOption, Object mode) {
    String text = options.get(option);
    if (text == null) {
      throw new ConnectorException(
          "'" + modeOption.key() + "' = '" + mode + "' needs '" + option.key()
              + "', e.g. 'partition:0,offset:42;partition:1,offset:300'.");
    }
    try {
      return PartitionOffsets.parseSpecificOffsets(text);
    } catch (IllegalArgumentException e) {
      throw options.invalidValue(
          option.key(), text, "'partition:<n>,offset:<n>' entries separated by ';' (at '"
              + e.getMessage() + "')");
    }
  }
}
