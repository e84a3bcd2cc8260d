package io.strom.connector.kafka;

import static io.strom.connector.kafka.KafkaConnectorOptions.*;

import io.strom.configuration.ConfigOption;
import io.strom.connector.ChangelogMode;
import io.strom.connector.ConnectorException;
import io.strom.connector.DynamicTableSinkFactory;
import io.strom.connector.DynamicTableSourceFactory;
import io.strom.connector.EncodingFormatFactory;
import io.strom.connector.FactoryUtil;
import io.strom.connector.FactoryUtil.TableFactoryHelper;
import io.strom.connector.ReadableOptions;
import io.strom.connector.ScanTableSource;
import io.strom.connector.TableContext;
import io.strom.connector.TableSink;
import io.strom.connector.kafka.KafkaSinkSettings.UpsertBufferSettings;
import io.strom.data.RowKind;
import java.util.Set;

/**
 * Factory of the {@code upsert-kafka} connector: a table with a primary key over a (compacted)
 * topic whose record key holds the primary key columns. Reading gives the latest row per key
 * (each record an upsert, a tombstone a delete); writing sends each change as an upsert of its
 * key, a delete as a tombstone.
 */
public final class UpsertKafkaTableFactory
    implements DynamicTableSourceFactory, DynamicTableSinkFactory {
  public static final String IDENTIFIER = "upsert-kafka";

  @Override
  public String identifier() {
    return IDENTIFIER;
  }

  @Override
  public Set<ConfigOption<?>> requiredOptions() {
    return Set.of(BOOTSTRAP_SERVERS, TOPIC, KEY_FORMAT, VALUE_FORMAT);
  }

  @Override
  public Set<ConfigOption<?>> optionalOptions() {
    return Set.of(
        GROUP_ID, KEY_FIELDS_PREFIX, VALUE_FIELDS_INCLUDE, SCAN_BOUNDED_MODE,
        SCAN_BOUNDED_TIMESTAMP_MILLIS, SCAN_BOUNDED_SPECIFIC_OFFSETS,
        SCAN_TOPIC_PARTITION_DISCOVERY_INTERVAL, SINK_BUFFER_FLUSH_MAX_ROWS,
        SINK_BUFFER_FLUSH_INTERVAL, SINK_DELIVERY_GUARANTEE, SINK_TRANSACTIONAL_ID_PREFIX,
        FactoryUtil.SINK_PARALLELISM, FactoryUtil.SCAN_WATERMARK_IDLE_TIMEOUT);
  }

  @Override
  public ScanTableSource createSource(TableContext context) {
    TableFactoryHelper helper = FactoryUtil.helper(this, context);
    KafkaTableSource.FormatChoice keyFormat =
        KafkaTableFactory.decodingFormat(helper, KEY_FORMAT, "key.");
    KafkaTableSource.FormatChoice valueFormat =
        KafkaTableFactory.decodingFormat(helper, VALUE_FORMAT, KafkaTableFactory.valueOptionPrefix(context));
    helper.validateExcept(PROPERTIES_PREFIX);
    KafkaTableLayout layout = layout(context, helper.options());
    requireInsertOnly(
        keyFormat.factory().createDecoder(layout.keyType(), keyFormat.options()).changelogMode(),
        "key", keyFormat.factory().identifier());
    requireInsertOnly(
        valueFormat.factory().createDecoder(layout.valueType(), valueFormat.options()).changelogMode(),
        "value", valueFormat.factory().identifier());
    // The whole topic makes up the table, so the scan always starts at the beginning.
    KafkaTableSource source = new KafkaTableSource(
        KafkaTableFactory.sourceSettings(
            context, helper.options(), PartitionOffsets.of(PartitionOffsets.Kind.EARLIEST)),
        layout, keyFormat, valueFormat, true);
    source.createRuntimeSource();
    return new UpsertKafkaTableSource(source);
  }

  @Override
  public TableSink createSink(TableContext context) {
    TableFactoryHelper helper = FactoryUtil.helper(this, context);
    EncodingFormatFactory keyFormat = helper.discoverEncodingFormat(KEY_FORMAT, "key.");
    EncodingFormatFactory valueFormat =
        helper.discoverEncodingFormat(VALUE_FORMAT, KafkaTableFactory.valueOptionPrefix(context));
    helper.validateExcept(PROPERTIES_PREFIX);
    ReadableOptions options = helper.options();
    KafkaTableLayout layout = layout(context, options);
    UpsertBufferSettings buffer = bufferSettings(options);
    KafkaTableSink sink = KafkaTableFactory.sink(
        IDENTIFIER, context, helper, layout, keyFormat, valueFormat, true, buffer);
    requireInsertOnly(
        valueFormat.createEncoder(layout.valueType(), helper.formatOptions(valueFormat,
            KafkaTableFactory.valueOptionPrefix(context))).changelogMode(),
        "value", valueFormat.identifier());
    return sink;
  }

  /** Key columns are the primary key's, in its order. */
  private static KafkaTableLayout layout(TableContext context, ReadableOptions options) {
    if (context.primaryKey().isEmpty()) {
      throw new ConnectorException(
          "Table '" + context.name() + "' uses connector 'upsert-kafka', which needs a primary key:"
              + " add PRIMARY KEY (...) NOT ENFORCED with the columns the record key holds.");
    }
    return KafkaTableFactory.layout(context, options, String.join(";", context.primaryKey()));
  }

  private static UpsertBufferSettings bufferSettings(ReadableOptions options) {
    int maxRows = options.get(SINK_BUFFER_FLUSH_MAX_ROWS);
    long interval = options.get(SINK_BUFFER_FLUSH_INTERVAL).toMillis();
    if (maxRows < 0) {
      throw options.invalidValue(
          SINK_BUFFER_FLUSH_MAX_ROWS.key(), Integer.toString(maxRows), "0 or a positive number");
    }
    if ((maxRows > 0) != (interval > 0)) {
      throw new ConnectorException(
          "'sink.buffer-flush.max-rows' and 'sink.buffer-flush.interval' go together: set both"
              + " above 0 to buffer, or neither.");
    }
    return new UpsertBufferSettings(maxRows, interval);
  }

  /** Upserts already are changes: a format that encodes changes of its own cannot carry them. */
  private static void requireInsertOnly(ChangelogMode mode, String side, String format) {
    if (!mode.containsOnly(RowKind.INSERT)) {
      throw new ConnectorException(
          "Format '" + format + "' encodes changes " + mode + " and cannot be the " + side
              + " format of an upsert-kafka table; use e.g. 'json', 'csv' or 'avro'.");
    }
  }
}
