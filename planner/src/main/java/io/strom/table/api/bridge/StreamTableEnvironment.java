package io.strom.table.api.bridge;

import io.strom.api.typeinfo.TypeInfo;
import io.strom.configuration.Configuration;
import io.strom.data.Row;
import io.strom.datastream.DataStream;
import io.strom.datastream.StreamExecutionEnvironment;
import io.strom.planner.ValidationException;
import io.strom.planner.plan.translate.JobBuilder;
import io.strom.table.api.EnvironmentSettings;
import io.strom.table.api.Schema;
import io.strom.table.api.Table;
import io.strom.table.api.TableEnvironment;
import io.strom.types.RowType;
import io.strom.types.TimestampKind;
import io.strom.types.TimestampType;
import io.strom.types.LocalZonedTimestampType;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link TableEnvironment} inside a DataStream program: streams become tables ({@link
 * #fromDataStream}) and tables become streams ({@link #toDataStream}, {@link
 * #toChangelogStream}), all part of one program that {@code env.execute()} runs.
 *
 * <p>Event time crosses over in both directions: a stream's element timestamps can be a table's
 * {@code rowtime} column (declared with {@code columnByMetadata("rowtime", TIMESTAMP_LTZ(3))}) and
 * its watermarks kept with {@code watermark("rowtime", "SOURCE_WATERMARK()")}; a table's event-time
 * column becomes its stream's element timestamps.
 */
public final class StreamTableEnvironment extends TableEnvironment {
  private final StreamExecutionEnvironment env;
  /** Adds tables to the program's current graph; a new one after each execution. */
  private JobBuilder job;

  private StreamTableEnvironment(StreamExecutionEnvironment env, Configuration settings) {
    super(newSession(settings));
    this.env = env;
  }

  /** A table environment for {@code env}'s program, with its settings (parallelism, ...). */
  public static StreamTableEnvironment create(StreamExecutionEnvironment env) {
    return new StreamTableEnvironment(env, env.getConfiguration());
  }

  public static StreamTableEnvironment create(
      StreamExecutionEnvironment env, EnvironmentSettings settings) {
    Configuration merged = new Configuration(env.getConfiguration());
    merged.addAll(settings.getConfiguration());
    return new StreamTableEnvironment(env, merged);
  }

  public StreamExecutionEnvironment getExecutionEnvironment() {
    return env;
  }

  // ---- streams to tables

  /**
   * A table of the stream's elements, with the columns their class gives: a record's components,
   * a POJO's fields sorted by name, or one column {@code f0} for a single value.
   */
  public <T> Table fromDataStream(DataStream<T> stream) {
    return from(register(nextUnnamedTable(), stream, null));
  }

  /**
   * A table of the stream's elements with columns the schema declares: physical columns read from
   * the elements by name (all of them, by the class, when none are declared), plus computed
   * columns, a {@code rowtime} metadata column and a watermark.
   */
  public <T> Table fromDataStream(DataStream<T> stream, Schema schema) {
    return from(register(nextUnnamedTable(), stream, schema));
  }

  /** Registers the stream as a view at {@code path}, for SQL. */
  public <T> void createTemporaryView(String path, DataStream<T> stream) {
    register(path, stream, null);
  }

  public <T> void createTemporaryView(String path, DataStream<T> stream, Schema schema) {
    register(path, stream, schema);
  }

  private <T> String register(String path, DataStream<T> stream, Schema schema) {
    if (stream.getExecutionEnvironment() != env) {
      throw new ValidationException("The stream belongs to another StreamExecutionEnvironment");
    }
    RowType physical = physicalColumns(stream, schema);
    List<String> derived = new ArrayList<>();
    if (schema == null || schema.physicalColumns().isEmpty()) {
      physical.fields().forEach(f -> derived.add(quote(f.name()) + " " + f.type().asSummaryString()));
    }
    Schema declared = schema == null ? Schema.newBuilder().build() : schema;
    session().execute("CREATE TEMPORARY TABLE " + path + " " + declared.toDdl(derived)
        + " WITH ('connector' = 'datastream')");
    session().registerProgramSource(path, new DataStreamScan<>(env, stream, physical));
    return path;
  }

  private static RowType physicalColumns(DataStream<?> stream, Schema schema) {
    if (schema != null && !schema.physicalColumns().isEmpty()) {
      List<RowType.RowField> fields = new ArrayList<>();
      for (Schema.DeclaredColumn c : schema.physicalColumns()) {
        fields.add(new RowType.RowField(c.name(), c.type()));
      }
      return new RowType(fields);
    }
    return JavaFields.columnsOf(stream.getType().typeClass());
  }

  // ---- tables to streams

  /**
   * The table's rows as a stream of {@link io.strom.types.Row}s; only for tables that insert
   * rows (use {@link #toChangelogStream} for updating ones).
   */
  public DataStream<io.strom.types.Row> toDataStream(Table table) {
    return toDataStream(table, io.strom.types.Row.class);
  }

  /** The table's rows as a stream of {@code type}, filled by column name. */
  public <T> DataStream<T> toDataStream(Table table, Class<T> type) {
    return toStream(table, type, true);
  }

  /**
   * The table's changes as a stream of {@link io.strom.types.Row}s, each with its kind ({@code
   * +I}, {@code -U}, {@code +U}, {@code -D}).
   */
  public DataStream<io.strom.types.Row> toChangelogStream(Table table) {
    return toStream(table, io.strom.types.Row.class, false);
  }

  private <T> DataStream<T> toStream(Table table, Class<T> type, boolean insertOnly) {
    if (environmentOf(table) != this) {
      throw new ValidationException("The table belongs to another table environment");
    }
    JobBuilder.Output rows = session().translate(sqlOf(table), job(), insertOnly);
    RowType columns = rows.type();
    int rowtime = -1;
    int precision = 0;
    for (int i = 0; i < columns.fieldCount(); i++) {
      if (columns.typeAt(i) instanceof TimestampType t && t.kind() == TimestampKind.ROWTIME) {
        rowtime = i;
        precision = t.precision();
      } else if (columns.typeAt(i) instanceof LocalZonedTimestampType t
          && t.kind() == TimestampKind.ROWTIME) {
        rowtime = i;
        precision = t.precision();
      }
    }
    DataStream<Row> internal = env.streamOf(rows.nodeIds(), io.strom.api.typeinfo.Types.row(columns));
    return internal.transform(
        "ToDataStream",
        TypeInfo.generic(),
        new ToDataStreamOperator<>(new ElementWriter<>(columns, type), rowtime, precision));
  }

  /** The job builder over the program's current graph (a new graph after each execution). */
  private JobBuilder job() {
    if (job == null || job.graph() != env.getStreamGraph()) {
      job = new JobBuilder(env.getStreamGraph(), env.getConfiguration());
    }
    return job;
  }
}
