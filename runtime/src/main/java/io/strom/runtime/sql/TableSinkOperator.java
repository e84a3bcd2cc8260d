package io.strom.runtime.sql;

import static java.util.Objects.requireNonNull;

import io.strom.data.Row;
import io.strom.datastream.sink.Sink;
import io.strom.datastream.sink.SinkWriter;
import io.strom.runtime.metrics.Counter;
import io.strom.runtime.operators.AbstractOperator;
import io.strom.runtime.operators.OneInputOperator;

/** Writes the rows of a SQL query into a table's sink, counting them ({@value #ROWS_WRITTEN}). */
public final class TableSinkOperator extends AbstractOperator<Void> implements OneInputOperator<Row, Void> {
  private static final long serialVersionUID = 1L;

  /** The metric that counts rows written. */
  public static final String ROWS_WRITTEN = "numRowsWritten";

  private final Sink<Row> sink;
  private transient SinkWriter<Row> writer;
  private transient Counter written;

  public TableSinkOperator(Sink<Row> sink) {
    this.sink = requireNonNull(sink, "sink");
  }

  @Override
  protected void setup() throws Exception {
    written = context.metrics().counter(ROWS_WRITTEN);
    writer =
        sink.createWriter(
            new Sink.InitContext() {
              @Override
              public int subtaskIndex() {
                return context.subtaskIndex();
              }

              @Override
              public int parallelism() {
                return context.parallelism();
              }

              @Override
              public io.strom.runtime.metrics.MetricGroup metrics() {
                return context.metrics();
              }
            });
  }

  @Override
  public void processElement(Row row, long timestamp) throws Exception {
    writer.write(row, timestamp);
    written.inc();
  }

  @Override
  public void finish() throws Exception {
    writer.flush();
  }

  @Override
  public void close() throws Exception {
    if (writer != null) {
      writer.close();
    }
  }
}
