package io.strom.runtime.sql;

import io.strom.data.Row;
import io.strom.datastream.sink.CollectSink;
import io.strom.datastream.sink.Sink;
import io.strom.datastream.sink.SinkWriter;
import io.strom.serde.RowSerializer;
import io.strom.types.RowType;
import java.util.List;

/**
 * Gathers a query's rows in memory for the session that runs it. Rows are copied on arrival,
 * because the operators before the sink reuse their output rows.
 */
public final class RowCollectSink implements Sink<Row> {
  private static final long serialVersionUID = 1L;

  private final CollectSink<Row> rows = new CollectSink<>();
  private final RowType type;

  public RowCollectSink(RowType type) {
    this.type = type;
  }

  @Override
  public SinkWriter<Row> createWriter(InitContext context) throws Exception {
    SinkWriter<Row> writer = rows.createWriter(context);
    RowSerializer serializer = new RowSerializer(type);
    return (row, timestamp) -> writer.write(serializer.copy(row), timestamp);
  }

  public List<Row> results() {
    return rows.results();
  }

  public void discard() {
    rows.discard();
  }
}
