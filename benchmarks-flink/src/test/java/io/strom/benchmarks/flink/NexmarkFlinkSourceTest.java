package io.strom.benchmarks.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.connector.nexmark.NexmarkConfig;
import io.strom.connector.nexmark.NexmarkGenerator;
import io.strom.connector.nexmark.NexmarkSchema;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The Flink {@code nexmark} table reads exactly the events Strom's generator makes. */
class NexmarkFlinkSourceTest {
  private static final int EVENTS = 2000;
  private static final long BASE_TIME = 1_709_250_000_000L;
  private static final long SEED = 7;

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2})
  void readsTheEventsOfStromsGeneratorAtAnyParallelism(int parallelism) throws Exception {
    TableEnvironment env = FlinkNexmarkRunner.environment(parallelism);
    createTable(env, "");

    List<List<Object>> actual = new ArrayList<>();
    try (CloseableIterator<org.apache.flink.types.Row> rows =
        env.executeSql("SELECT event_type, person, auction, bid FROM datagen").collect()) {
      rows.forEachRemaining(row -> actual.add(PlainRows.ofFlink(row)));
    }

    NexmarkGenerator generator = new NexmarkGenerator(
        NexmarkConfig.defaults(EVENTS, BASE_TIME, SEED));
    List<List<Object>> expected = new ArrayList<>();
    for (long n = 0; n < EVENTS; n++) {
      expected.add(PlainRows.ofStrom(generator.generate(n), NexmarkSchema.PHYSICAL_TYPE));
    }
    assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(actual).extracting(row -> row.get(0)).contains(0L, 1L, 2L);
  }

  @Test
  void refusesATableWithoutTheNexmarkColumns() {
    TableEnvironment env =
        TableEnvironment.create(EnvironmentSettings.newInstance().inBatchMode().build());
    env.executeSql("CREATE TABLE wrong (event_type INT, bid BIGINT) WITH ('connector' = 'nexmark')");

    assertThatThrownBy(() -> env.executeSql("SELECT * FROM wrong").collect().close())
        .hasRootCauseInstanceOf(ValidationException.class)
        .rootCause()
        .hasMessageContaining("does not have the columns of connector 'nexmark'")
        .hasMessageContaining("the table has 2 physical columns, expected 4");
  }

  @Test
  void refusesPacedEmission() {
    TableEnvironment env = FlinkNexmarkRunner.environment(1);
    createTable(env, ", 'max-emit-speed' = 'false'");

    assertThatThrownBy(() -> env.executeSql("SELECT * FROM datagen").collect().close())
        .rootCause()
        .hasMessageContaining("emits Nexmark events only as fast as it can");
  }

  private static void createTable(TableEnvironment env, String moreOptions) {
    try {
      for (String statement : FlinkNexmarkScript.read("ddl.sql")) {
        env.executeSql(statement);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    env.executeSql("ALTER TABLE datagen SET ('events.num' = '" + EVENTS + "', 'base-time' = '"
        + BASE_TIME + "', 'seed' = '" + SEED + "', 'first-event.rate' = '10000'" + moreOptions
        + ")");
  }
}
