package io.strom.table.api;

import static io.strom.table.api.Expressions.$;
import static io.strom.table.api.Expressions.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.api.functions.ScalarFunction;
import io.strom.configuration.Configuration;
import io.strom.planner.ValidationException;
import io.strom.planner.testing.ShoutFunction;
import io.strom.types.DataTypes;
import io.strom.types.Row;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a table environment offers besides table operations: settings, functions, results. */
class TableEnvironmentTest {
  /** A function instance with state of its own: what it was constructed with is what runs. */
  public static final class Repeat extends ScalarFunction {
    private final int times;

    public Repeat(int times) {
      this.times = times;
    }

    public String eval(String text) {
      return text == null ? null : text.repeat(times);
    }
  }

  private TableEnvironment env;

  @BeforeEach
  void setUp() {
    env = TableEnvironment.create(Configuration.fromMap(Map.of("parallelism.default", "1")));
  }

  @AfterEach
  void tearDown() throws Exception {
    env.close();
  }

  @Test
  void functionsByClassAndByInstance() {
    env.createTemporarySystemFunction("shout", ShoutFunction.class);
    env.createTemporarySystemFunction("thrice", new Repeat(3));
    Table words = env.fromValues("ab", "c").select(
        call("shout", $("f0")).as("loud"), call("thrice", $("f0")).as("long"));
    assertThat(TableApiTwinsTest.rows(words.execute()))
        .containsExactlyInAnyOrder("+I[ab!, ababab]", "+I[c!, ccc]");
    assertThat(env.listUserDefinedFunctions()).containsExactlyInAnyOrder("shout", "thrice");
    assertThat(env.dropTemporarySystemFunction("shout")).isTrue();
    assertThatThrownBy(() -> env.fromValues("x").select(call("shout", $("f0"))))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("shout");
  }

  @Test
  void configurationIsCheckedLikeSet() {
    env.getConfig().set("table.exec.state.ttl", "1 h");
    assertThat(env.getConfig().getConfiguration().toMap()).containsEntry("table.exec.state.ttl", "1 h");
    assertThatThrownBy(() -> env.getConfig().set("parallelism.default", "many"))
        .isInstanceOf(RuntimeException.class)
        .hasMessageContaining("parallelism.default");
  }

  @Test
  void printShowsATableauOfTheResult() {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      env.fromValues(Row.of(1, "one"), Row.of(2, "two")).execute().print();
    } finally {
      System.setOut(original);
    }
    String printed = captured.toString(StandardCharsets.UTF_8);
    assertThat(printed).contains("| op |").contains("f0").contains("| +I |").contains("one")
        .contains("2 rows in set");
  }

  @Test
  void closingTheIteratorCancelsARunningQuery() throws Exception {
    env.createTemporaryTable("ticks", TableDescriptor.forConnector("datagen")
        .schema(Schema.newBuilder().column("n", DataTypes.BIGINT()).build())
        .option("rows-per-second", "100")
        .build());
    TableResult result = env.from("ticks").execute();
    String job = result.getJobId().orElseThrow();
    try (CloseableRowIterator rows = result.collect()) {
      assertThat(rows.hasNext()).isTrue();
      assertThat(rows.next().getArity()).isEqualTo(1);
    }
    assertThat(TableApiTwinsTest.rows(env.executeSql("SHOW JOBS")))
        .noneMatch(line -> line.contains(job) && line.contains("RUNNING"));
  }

  @Test
  void resultsCanBeReadOnce() {
    TableResult result = env.fromValues(1).execute();
    result.collect().close();
    assertThatThrownBy(result::collect).hasMessageContaining("only once");
  }

  @Test
  void statementsAndTablesShareTheCatalog() {
    env.createTemporaryView("numbers", env.fromValues(1, 2, 3).as("n"));
    Table odd = env.from("numbers").filter($("n").mod(2).isEqual(1));
    assertThat(TableApiTwinsTest.rows(odd.execute())).containsExactlyInAnyOrder("+I[1]", "+I[3]");
    assertThat(env.listViews()).contains("numbers");
    assertThat(env.dropTemporaryView("numbers")).isTrue();
    assertThat(env.listTables()).doesNotContain("numbers");
    assertThat(env.explainSql("SELECT * FROM (VALUES (1)) AS t(n)")).contains("== Optimized Physical Plan ==");
  }

  @Test
  void batchModeIsRefusedWithAReason() {
    assertThatThrownBy(() -> EnvironmentSettings.newInstance().inBatchMode())
        .hasMessageContaining("inStreamingMode");
  }
}
