package io.strom.runtime.sql;

import static java.util.Objects.requireNonNull;

import io.strom.data.Row;
import io.strom.datastream.sink.Sink;
import io.strom.datastream.sink.SinkCommitState;
import io.strom.datastream.sink.SinkWriter;
import io.strom.runtime.metrics.Counter;
import io.strom.runtime.operators.AbstractOperator;
import io.strom.runtime.operators.OneInputOperator;
import io.strom.runtime.operators.RestoreContext;
import io.strom.runtime.operators.SnapshotContext;

/** Writes the rows of a SQL query into a table's sink, counting them ({@value #ROWS_WRITTEN}). */
public final class TableSinkOperator extends AbstractOperator<Void> implements OneInputOperator<Row, Void> {
  private static final long serialVersionUID = 1L;

  /** The metric that counts rows written. */
  public static final String ROWS_WRITTEN = "numRowsWritten";

  private final Sink<Row> sink;
  private final int[] notNullFields;
  private final String[] notNullNames;
  private transient SinkWriter<Row> writer;
  private transient SinkCommitState<Row> commits;
  private transient Counter written;
  private transient Counter dropped;
  private transient boolean dropNulls;

  /**
   * @param notNullFields the columns declared NOT NULL, whose NULLs are handled per {@code
   *     table.exec.sink.not-null-enforcer}
   * @param notNullNames their names, for the error
   */
  public TableSinkOperator(Sink<Row> sink, int[] notNullFields, String[] notNullNames) {
    this.sink = requireNonNull(sink, "sink");
    this.notNullFields = notNullFields.clone();
    this.notNullNames = notNullNames.clone();
  }

  @Override
  public void initializeState(RestoreContext context) throws Exception {
    commits = new SinkCommitState<>(sink);
    commits.initializeState(context);
  }

  @Override
  protected void setup() throws Exception {
    written = context.metrics().counter(ROWS_WRITTEN);
    dropped = context.metrics().counter("numRowsDroppedNotNull");
    dropNulls =
        context.jobConfiguration().get(SqlRuntimeOptions.SINK_NOT_NULL_ENFORCER)
            == SqlRuntimeOptions.NotNullEnforcer.DROP;
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
    commits.open(writer, context.subtaskIndex(), context.parallelism());
  }

  @Override
  public void processElement(Row row, long timestamp) throws Exception {
    for (int i = 0; i < notNullFields.length; i++) {
      if (row.isNullAt(notNullFields[i])) {
        if (dropNulls) {
          dropped.inc();
          return;
        }
        throw new IllegalArgumentException(
            "Column '" + notNullNames[i] + "' is NOT NULL, but a NULL is being written into it."
                + " Filter such rows out, give them a value with COALESCE, or set"
                + " 'table.exec.sink.not-null-enforcer' = 'DROP' to drop them.");
      }
    }
    writer.write(row, timestamp);
    written.inc();
  }

  @Override
  public void snapshotState(SnapshotContext context) throws Exception {
    commits.snapshotState(context);
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) throws Exception {
    commits.notifyCheckpointComplete(checkpointId);
  }

  @Override
  public void finish() throws Exception {
    commits.finish(context.jobConfiguration());
    writer.flush();
  }

  @Override
  public boolean awaitsFinalCheckpoint() {
    return commits.awaitsFinalCheckpoint();
  }

  @Override
  public void close() throws Exception {
    if (writer != null) {
      writer.close();
    }
  }
}
