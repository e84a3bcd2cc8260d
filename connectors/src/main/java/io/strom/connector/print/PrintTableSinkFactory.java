package io.strom.connector.print;

import io.strom.configuration.ConfigOption;
import io.strom.connector.ChangelogMode;
import io.strom.connector.DynamicTableSinkFactory;
import io.strom.connector.FactoryUtil;
import io.strom.connector.ReadableOptions;
import io.strom.connector.TableContext;
import io.strom.connector.TableSink;
import io.strom.data.Row;
import io.strom.datastream.sink.Sink;
import io.strom.types.RowType;
import java.util.Set;

/** Factory of the {@code print} connector: a sink that prints every change to the console. */
public final class PrintTableSinkFactory implements DynamicTableSinkFactory {
  public static final String IDENTIFIER = "print";

  @Override
  public String identifier() {
    return IDENTIFIER;
  }

  @Override
  public Set<ConfigOption<?>> requiredOptions() {
    return Set.of();
  }

  @Override
  public Set<ConfigOption<?>> optionalOptions() {
    return Set.of(
        PrintConnectorOptions.PRINT_IDENTIFIER,
        PrintConnectorOptions.STANDARD_ERROR,
        FactoryUtil.SINK_PARALLELISM);
  }

  @Override
  public TableSink createSink(TableContext context) {
    FactoryUtil.TableFactoryHelper helper = FactoryUtil.helper(this, context);
    helper.validate();
    ReadableOptions options = helper.options();
    Integer parallelism = options.get(FactoryUtil.SINK_PARALLELISM);
    if (parallelism != null && parallelism < 1) {
      throw options.invalidValue(
          FactoryUtil.SINK_PARALLELISM.key(), parallelism.toString(), "a positive whole number");
    }
    return new PrintTableSink(
        options.get(PrintConnectorOptions.PRINT_IDENTIFIER),
        options.get(PrintConnectorOptions.STANDARD_ERROR),
        parallelism,
        context.physicalType());
  }

  /** The print sink of one table; accepts every kind of change. */
  private record PrintTableSink(
      String identifier, boolean standardError, Integer parallelism, RowType type)
      implements TableSink {

    @Override
    public ChangelogMode changelogMode(ChangelogMode requested) {
      return requested;
    }

    @Override
    public Sink<Row> createRuntimeSink() {
      return new RowPrintSink(identifier, standardError, type);
    }

    @Override
    public String summary() {
      return "print(" + (identifier == null ? "" : "print-identifier=" + identifier)
          + (standardError ? (identifier == null ? "" : ", ") + "standard-error=true" : "") + ")";
    }

    @Override
    public TableSink copy() {
      return this;
    }
  }
}
