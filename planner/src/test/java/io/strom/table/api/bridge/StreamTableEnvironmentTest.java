package io.strom.table.api.bridge;

import static io.strom.table.api.Expressions.$;
import static io.strom.table.api.Expressions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.api.eventtime.WatermarkStrategy;
import io.strom.api.typeinfo.Types;
import io.strom.datastream.DataStream;
import io.strom.datastream.StreamExecutionEnvironment;
import io.strom.datastream.functions.ProcessFunction;
import io.strom.planner.ValidationException;
import io.strom.table.api.Schema;
import io.strom.table.api.Table;
import io.strom.table.api.Tumble;
import io.strom.types.DataTypes;
import io.strom.types.Row;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StreamTableEnvironmentTest {
  /** A click at {@code time} (epoch millis) on {@code page} by {@code user}. */
  public record Click(String user, String page, long time) implements java.io.Serializable {}

  /** A POJO whose columns Flink's rules sort by name. */
  public static final class Visit implements java.io.Serializable {
    public String user;
    public int pages;

    public Visit() {}

    Visit(String user, int pages) {
      this.user = user;
      this.pages = pages;
    }

    @Override
    public String toString() {
      return user + ":" + pages;
    }
  }

  /** Writes each row's user and clicks with the element's timestamp. */
  static final class DescribeWithTimestamp extends ProcessFunction<Row, String> {
    @Override
    public void processElement(Row row, Context ctx, io.strom.api.functions.Collector<String> out) {
      out.collect(row.getField("user") + " " + row.getField("clicks") + " @" + ctx.timestamp());
    }
  }

  private StreamExecutionEnvironment env;
  private StreamTableEnvironment tables;

  @BeforeEach
  void setUp() {
    env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.setAutoWatermarkInterval(0);
    tables = StreamTableEnvironment.create(env);
  }

  @AfterEach
  void tearDown() throws Exception {
    tables.close();
  }

  private DataStream<Click> clicks() {
    return env.fromCollection(List.of(
            new Click("ann", "/home", 1_000), new Click("bob", "/cart", 2_000),
            new Click("ann", "/cart", 61_000), new Click("ann", "/pay", 62_000)),
        Types.of(Click.class));
  }

  @Test
  void recordsBecomeRowsAndRowsBecomeRecords() throws Exception {
    Table table = tables.fromDataStream(clicks());
    assertThat(table.getResolvedSchema().getColumnNames()).containsExactly("user", "page", "time");
    Table carts = table.filter($("page").isEqual("/cart")).select($("user"), $("page"), $("time").plus(1L).as("time"));
    List<Click> result = tables.toDataStream(carts, Click.class).executeAndCollect();
    assertThat(result).containsExactly(new Click("bob", "/cart", 2_001), new Click("ann", "/cart", 61_001));
  }

  @Test
  void pojosBecomeColumnsSortedByName() throws Exception {
    DataStream<Visit> visits =
        env.fromCollection(List.of(new Visit("ann", 3), new Visit("bob", 1)), Types.of(Visit.class));
    Table table = tables.fromDataStream(visits);
    assertThat(table.getResolvedSchema().getColumnNames()).containsExactly("pages", "user");
    assertThat(table.getResolvedSchema().getColumnDataTypes().get(0)).isEqualTo(DataTypes.INT().copy(false));
    List<Row> rows = tables.toDataStream(table.filter($("pages").isGreater(2))).executeAndCollect();
    assertThat(rows).containsExactly(Row.of(3, "ann"));
    assertThat(rows.get(0).<String>getFieldAs("user")).isEqualTo("ann");
    // Streams belong to the program they were built in: the next program builds its own.
    Table again = tables.fromDataStream(
        env.fromCollection(List.of(new Visit("ann", 3), new Visit("bob", 1)), Types.of(Visit.class)));
    List<Visit> back = tables.toDataStream(again, Visit.class).executeAndCollect();
    assertThat(back).extracting(Visit::toString).containsExactly("ann:3", "bob:1");
  }

  @Test
  void eventTimeCrossesIntoTablesAndBack() throws Exception {
    DataStream<Click> stamped = clicks().assignTimestampsAndWatermarks(
        WatermarkStrategy.<Click>forBoundedOutOfOrderness(Duration.ZERO)
            .withTimestampAssigner((click, ts) -> click.time()));
    Table table = tables.fromDataStream(stamped, Schema.newBuilder()
        .columnByMetadata("rowtime", DataTypes.TIMESTAMP_LTZ(3))
        .watermark("rowtime", "SOURCE_WATERMARK()")
        .build());
    Table perMinute = table
        .window(Tumble.over(lit(1).minutes()).on($("rowtime")).as("w"))
        .groupBy($("w"), $("user"))
        .select($("user"), $("w").rowtime().as("at"), $("page").count().as("clicks"));
    // Each window's result carries its window time as timestamp into the DataStream.
    DataStream<String> described = tables.toDataStream(perMinute).process(new DescribeWithTimestamp());
    assertThat(described.executeAndCollect())
        .containsExactlyInAnyOrder("ann 1 @59999", "bob 1 @59999", "ann 2 @119999");
  }

  @Test
  void changelogStreamsCarryUpdates() throws Exception {
    Table counts = tables.fromDataStream(clicks()).groupBy($("user")).select($("user"), $("page").count().as("n"));
    List<Row> changes = tables.toChangelogStream(counts).executeAndCollect();
    assertThat(changes).extracting(Row::toString)
        .containsExactly("+I[ann, 1]", "+I[bob, 1]", "-U[ann, 1]", "+U[ann, 2]", "-U[ann, 2]", "+U[ann, 3]");
  }

  @Test
  void toDataStreamRefusesUpdatingTables() {
    Table counts = tables.fromDataStream(clicks()).groupBy($("user")).select($("user"), $("page").count());
    assertThatThrownBy(() -> tables.toDataStream(counts))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("toChangelogStream")
        .hasMessageContaining("GroupAggregate");
  }

  @Test
  void sqlSeesStreamsRegisteredAsViews() throws Exception {
    tables.createTemporaryView("clicks", clicks());
    Table fromSql = tables.sqlQuery("SELECT `user`, COUNT(*) AS n FROM clicks WHERE page <> '/home' GROUP BY `user`");
    List<Row> changes = tables.toChangelogStream(fromSql).executeAndCollect();
    assertThat(changes).extracting(Row::toString)
        .containsExactly("+I[bob, 1]", "+I[ann, 1]", "-U[ann, 1]", "+U[ann, 2]");
  }

  @Test
  void streamTablesRunOnlyInsideTheProgram() {
    Table table = tables.fromDataStream(clicks());
    assertThatThrownBy(table::execute)
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("toDataStream or toChangelogStream");
  }

  @Test
  void streamsOfAnExecutedProgramCannotBeReused() throws Exception {
    DataStream<Click> stream = clicks();
    tables.toDataStream(tables.fromDataStream(stream)).executeAndCollect();
    assertThatThrownBy(() -> tables.toDataStream(tables.fromDataStream(stream)))
        .hasMessageContaining("built before the program was executed");
  }

  @Test
  void unknownElementTypesNeedASchema() {
    DataStream<Click> untyped = clicks().map(c -> c);
    assertThatThrownBy(() -> tables.fromDataStream(untyped))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("declare them in a Schema");
    Table declared = tables.fromDataStream(untyped, Schema.newBuilder()
        .column("user", DataTypes.STRING()).column("time", DataTypes.BIGINT()).build());
    assertThat(declared.getResolvedSchema().getColumnNames()).containsExactly("user", "time");
  }
}
