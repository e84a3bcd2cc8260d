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
    return Set.of(FactoryUtil.SINK_PARALLELISM);
  }

  @Override
  public ScanTableSource createSource(TableContext context) {
    FactoryUtil.TableFactoryHelper helper = FactoryUtil.helper(this, context);
    DecodingFormatFactory format = helper.discoverDecodingFormat(FactoryUtil.FORMAT);
    helper.validate();
    String path = helper.options().get(FileSystemConnectorOptions.PATH);
    FilePaths.resolve(path);
    ReadableOptions formatOptions = helper.formatOptions(format);
    // Create a decoder once now, so that bad format options fail while planning.
    format.createDecoder(
        context.physicalType(), Projections.identity(context.physicalType().fieldCount()), formatOptions);
    return new FileSystemTableSource(path, context.physicalType(), format, formatOptions);
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
    return new FileSystemTableSink(
        path,
        format.identifier(),
        format.createEncoder(context.physicalType(), helper.formatOptions(format)),
        parallelism);
  }
}
