package io.strom.table.api.bridge;

import io.strom.api.typeinfo.Types;
import io.strom.connector.ChangelogMode;
import io.strom.connector.ScanTableSource;
import io.strom.connector.SupportsReadingMetadata;
import io.strom.data.Row;
import io.strom.datastream.DataStream;
import io.strom.datastream.SingleOutputStreamOperator;
import io.strom.datastream.StreamExecutionEnvironment;
import io.strom.planner.ValidationException;
import io.strom.planner.plan.translate.JobBuilder;
import io.strom.planner.plan.translate.ProgramSource;
import io.strom.types.DataTypes;
import io.strom.types.LogicalType;
import io.strom.types.RowType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The scan of a table made from a DataStream: the stream's elements become rows inside the
 * DataStream program itself. Its one metadata column, {@code rowtime}, is each element's
 * timestamp.
 */
final class DataStreamScan<T> implements ProgramSource, SupportsReadingMetadata {
  static final String ROWTIME = "rowtime";
  private static final LogicalType ROWTIME_TYPE = DataTypes.TIMESTAMP_LTZ(3);

  private final StreamExecutionEnvironment env;
  private final DataStream<T> stream;
  private final RowType physical;
  private List<String> metadata = List.of();

  DataStreamScan(StreamExecutionEnvironment env, DataStream<T> stream, RowType physical) {
    this.env = env;
    this.stream = stream;
    this.physical = physical;
  }

  @Override
  public JobBuilder.Output produce(JobBuilder job) {
    if (job.graph() != env.getStreamGraph()) {
      throw new ValidationException(
          "This table reads a DataStream, so its query runs inside the DataStream program: turn"
              + " the result into a stream with toDataStream or toChangelogStream and run the"
              + " program with execute()");
    }
    RowType produced = producedType();
    SingleOutputStreamOperator<Row> rows = stream.transform(
        "FromDataStream",
        Types.row(produced),
        new FromDataStreamOperator<>(new ElementReader(physical), metadata.contains(ROWTIME)));
    return job.existingNode(rows.getId(), produced);
  }

  @Override
  public ChangelogMode changelogMode() {
    return ChangelogMode.insertOnly();
  }

  @Override
  public boolean isBounded() {
    return false;
  }

  @Override
  public RowType producedType() {
    List<RowType.RowField> fields = new ArrayList<>(physical.fields());
    for (String key : metadata) {
      fields.add(new RowType.RowField(key, ROWTIME_TYPE));
    }
    return new RowType(fields);
  }

  @Override
  public String summary() {
    return "DataStream";
  }

  @Override
  public ScanTableSource copy() {
    DataStreamScan<T> copy = new DataStreamScan<>(env, stream, physical);
    copy.metadata = metadata;
    return copy;
  }

  @Override
  public Map<String, LogicalType> listReadableMetadata() {
    return Map.of(ROWTIME, ROWTIME_TYPE);
  }

  @Override
  public void applyReadableMetadata(List<String> keys) {
    metadata = List.copyOf(keys);
  }
}
