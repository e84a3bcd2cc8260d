package io.strom.connector.filesystem;

import io.strom.configuration.ConfigOption;
import io.strom.connector.ConnectorException;
import io.strom.connector.DecodingFormatFactory;
import io.strom.connector.DynamicTableSinkFactory;
import io.strom.connector.DynamicTableSourceFactory;
import io.strom.connector.EncodingFormatFactory;
import io.strom.connector.FactoryUtil;
import io.strom.connector.Projections;
import io.strom.connector.ReadableOptions;
import io.strom.connector.ScanTableSource;
import io.strom.connector.TableContext;
import io.strom.connector.TableSink;
import java.util.Set;

/**
 * Factory of the {@code filesystem} connector: a bounded scan of the files under {@code path}, and
 * a sink writing part files into it, both with a line-based {@code format}.
 */
public final class FileSystemTableFactory implements DynamicTableSourceFactory, DynamicTableSinkFactory {
  public static final String IDENTIFIER = "filesystem";

  @Override
  public String identifier() {
    return IDENTIFIER;
  }

  @Override
  public Set<ConfigOption<?>> requiredOptions() {
    return Set.of(FileSystemConnectorOptions.PATH, FactoryUtil.FORMAT);
  }

  @Override
  public Set<ConfigOption<?>> optionalOptions() {
    return Set.of(
        FactoryUtil.SINK_PARALLELISM,
        FileSystemConnectorOptions.PARTITION_DEFAULT_NAME,
        FileSystemConnectorOptions.SINK_PARTITION_COMMIT_TRIGGER,
        FileSystemConnectorOptions.SINK_PARTITION_COMMIT_DELAY,
        FileSystemConnectorOptions.SINK_PARTITION_COMMIT_WATERMARK_TIME_ZONE,
        FileSystemConnectorOptions.SINK_PARTITION_COMMIT_POLICY_KIND,
        FileSystemConnectorOptions.SINK_PARTITION_COMMIT_POLICY_CLASS,
        FileSystemConnectorOptions.SINK_PARTITION_COMMIT_SUCCESS_FILE_NAME,
        FileSystemConnectorOptions.PARTITION_TIME_EXTRACTOR_KIND,
        FileSystemConnectorOptions.PARTITION_TIME_EXTRACTOR_CLASS,
        FileSystemConnectorOptions.PARTITION_TIME_EXTRACTOR_TIMESTAMP_PATTERN,
        FileSystemConnectorOptions.PARTITION_TIME_EXTRACTOR_TIMESTAMP_FORMATTER,
        FileSystemConnectorOptions.SINK_ROLLING_POLICY_FILE_SIZE,
        FileSystemConnectorOptions.SINK_ROLLING_POLICY_ROLLOVER_INTERVAL,
        FileSystemConnectorOptions.SINK_ROLLING_POLICY_CHECK_INTERVAL,
        FileSystemConnectorOptions.SINK_ROLLING_POLICY_INACTIVITY_INTERVAL,
        FileSystemConnectorOptions.SINK_SHUFFLE_BY_PARTITION,
        FileSystemConnectorOptions.AUTO_COMPACTION,
        FileSystemConnectorOptions.LOOKUP_CACHE,
        FileSystemConnectorOptions.LOOKUP_FULL_CACHE_RELOAD_STRATEGY,
        FileSystemConnectorOptions.LOOKUP_FULL_CACHE_PERIODIC_RELOAD_INTERVAL);
  }

  /** The partition columns of the table, checked against its columns. */
  private static PartitionLayout layout(TableContext context) {
    return PartitionLayout.of(context.physicalType(), context.partitionKeys());
  }

  private static PartitionValues partitionValues(FactoryUtil.TableFactoryHelper helper) {
    return new PartitionValues(helper.options().get(FileSystemConnectorOptions.PARTITION_DEFAULT_NAME));
  }

  @Override
  public ScanTableSource createSource(TableContext context) {
    FactoryUtil.TableFactoryHelper helper = FactoryUtil.helper(this, context);
    DecodingFormatFactory format = helper.discoverDecodingFormat(FactoryUtil.FORMAT);
    helper.validate();
    String path = helper.options().get(FileSystemConnectorOptions.PATH);
    FilePaths.resolve(path);
    ReadableOptions formatOptions = helper.formatOptions(format);
    PartitionLayout layout = layout(context);
    // Create a decoder once now, so that bad format options fail while planning.
    format.createDecoder(
        layout.dataType(), Projections.identity(layout.dataType().fieldCount()), formatOptions);
    return new FileSystemTableSource(
        path, context.physicalType(), format, formatOptions, layout, partitionValues(helper),
        lookupReloadInterval(helper));
  }

  /**
   * How often a lookup join reads the table again, or null for never. A file table has only a
   * FULL cache, reloaded PERIODIC-ally if at all: Flink's other settings ('NONE', 'PARTIAL',
   * 'TIMED') need an index or a schedule a file does not have, and are refused.
   */
  private static java.time.Duration lookupReloadInterval(FactoryUtil.TableFactoryHelper helper) {
    String cache = helper.options().get(FileSystemConnectorOptions.LOOKUP_CACHE);
    if (!cache.equalsIgnoreCase("FULL")) {
      throw new ConnectorException(
          "'lookup.cache' = '" + cache + "' is not supported by the filesystem connector: a file"
              + " table is looked up through a FULL cache (the whole table in memory). Use"
              + " 'lookup.cache' = 'FULL', with 'lookup.full-cache.periodic-reload.interval' to"
              + " read it again periodically.");
    }
    String strategy =
        helper.options().get(FileSystemConnectorOptions.LOOKUP_FULL_CACHE_RELOAD_STRATEGY);
    if (!strategy.equalsIgnoreCase("PERIODIC")) {
      throw new ConnectorException(
          "'lookup.full-cache.reload-strategy' = '" + strategy + "' is not supported by the"
              + " filesystem connector; use 'PERIODIC' with"
              + " 'lookup.full-cache.periodic-reload.interval'.");
    }
    java.time.Duration interval =
        helper.options().get(FileSystemConnectorOptions.LOOKUP_FULL_CACHE_PERIODIC_RELOAD_INTERVAL);
    if (interval != null && (interval.isZero() || interval.isNegative())) {
      throw new ConnectorException(
          "'lookup.full-cache.periodic-reload.interval' must be positive, not " + interval);
    }
    return interval;
  }

  @Override
  public TableSink createSink(TableContext context) {
    FactoryUtil.TableFactoryHelper helper = FactoryUtil.helper(this, context);
    EncodingFormatFactory format = helper.discoverEncodingFormat(FactoryUtil.FORMAT);
    helper.validate();
    String path = helper.options().get(FileSystemConnectorOptions.PATH);
    FilePaths.resolve(path);
    Integer parallelism = helper.options().get(FactoryUtil.SINK_PARALLELISM);
    if (parallelism != null && parallelism < 1) {
      throw helper.options().invalidValue(
          FactoryUtil.SINK_PARALLELISM.key(), parallelism.toString(), "a positive whole number");
    }
    PartitionLayout layout = layout(context);
    return new FileSystemTableSink(
        path,
        format.identifier(),
        format.createEncoder(layout.dataType(), helper.formatOptions(format)),
        parallelism,
        layout,
        partitionValues(helper),
        PartitionCommitOptions.from(helper.options()));
  }
}
