package io.strom.connector.blackhole;

import io.strom.configuration.ConfigOption;
import io.strom.connector.ChangelogMode;
import io.strom.connector.DynamicTableSinkFactory;
import io.strom.connector.FactoryUtil;
import io.strom.connector.TableContext;
import io.strom.connector.TableSink;
import io.strom.data.Row;
import io.strom.data.RowKind;
import io.strom.datastream.sink.Sink;
import io.strom.datastream.sink.SinkWriter;
import java.util.Set;

/**
 * Factory of the {@code blackhole} connector: a sink that accepts and drops everything, for
 * measuring a query without the cost of its output. Like Flink's, it takes updates in upsert form
 * (without {@code -U}), which spares the query from producing them.
 */
public final class BlackHoleTableSinkFactory implements DynamicTableSinkFactory {
  public static final String IDENTIFIER = "blackhole";

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
    return Set.of();
  }

  @Override
  public TableSink createSink(TableContext context) {
    FactoryUtil.helper(this, context).validate();
    return new BlackHoleTableSink();
  }

  /** The sink of one blackhole table. */
  private static final class BlackHoleTableSink implements TableSink {
    @Override
    public ChangelogMode changelogMode(ChangelogMode requested) {
      return requested.without(RowKind.UPDATE_BEFORE);
    }

    @Override
    public Sink<Row> createRuntimeSink() {
      return new DroppingSink();
    }

    @Override
    public String summary() {
      return "blackhole()";
    }

    @Override
    public TableSink copy() {
      return this;
    }
  }

  /** Drops every row. */
  private static final class DroppingSink implements Sink<Row> {
    private static final long serialVersionUID = 1L;

    @Override
    public SinkWriter<Row> createWriter(InitContext context) {
      return (row, timestamp) -> {
        // Dropping every row is this sink's purpose.
      };
    }
  }
}
