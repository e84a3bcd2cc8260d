package io.strom.connector;

import io.strom.api.eventtime.WatermarkStrategy;
import io.strom.data.GenericConverter;
import io.strom.data.Row;
import io.strom.datastream.StreamExecutionEnvironment;
import io.strom.runtime.cluster.JobExecutionResult;
import io.strom.runtime.source.lib.GeneratorFunction;
import io.strom.runtime.source.lib.GeneratorSource;
import io.strom.types.RowType;
import java.util.List;
import java.util.Map;

/** Runs table sources and sinks through the real runtime, and prints rows as Flink does. */
public final class ConnectorTesting {
  private ConnectorTesting() {}

  public static TableContext table(RowType type, Map<String, String> options) {
    return TableContext.of("default_catalog.default_database.t", type, options);
  }

  public static ScanTableSource source(RowType type, Map<String, String> options) {
    return FactoryUtil.createTableSource(table(type, options));
  }

  public static TableSink sink(RowType type, Map<String, String> options) {
    return FactoryUtil.createTableSink(table(type, options));
  }

  /** Scans the source to its end at this parallelism; the rows in Flink's printed form. */
  public static List<String> scan(ScanTableSource source, int parallelism) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    List<Row> rows =
        env.fromSource(source.createRuntimeSource(), WatermarkStrategy.noWatermarks(), "scan")
            .executeAndCollect();
    RowType type = source.producedType();
    return rows.stream().map(r -> GenericConverter.format(r, type)).toList();
  }

  /** Writes the rows {@code generator} makes for indexes 0 to count - 1 into the sink. */
  public static JobExecutionResult write(
      TableSink sink, GeneratorFunction<Row> generator, long count, int parallelism)
      throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    env.fromSource(new GeneratorSource<>(generator, count, 0), WatermarkStrategy.noWatermarks(), "rows")
        .sinkTo(sink.createRuntimeSink());
    return env.execute("write");
  }

  /** The innermost cause, where a user error's message is. */
  public static Throwable rootCause(Throwable t) {
    Throwable cause = t;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }
}
