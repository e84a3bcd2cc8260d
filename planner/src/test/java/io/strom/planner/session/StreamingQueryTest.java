package io.strom.planner.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.configuration.Configuration;
import io.strom.data.Row;
import io.strom.data.RowKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StreamingQueryTest {
  private final SqlSession session = new SqlSession(new Configuration());

  @AfterEach
  void close() throws Exception {
    session.close();
  }

  private static List<Row> take(RowStream stream, int n) throws InterruptedException {
    List<Row> rows = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (rows.size() < n && System.nanoTime() < deadline) {
      Row row = stream.poll(Duration.ofMillis(100));
      if (row != null) {
        rows.add(row);
      }
    }
    return rows;
  }

  @Test
  void queryOverAnEndlessTableStreamsRowsUntilClosed() throws Exception {
    session.execute("CREATE TABLE endless (id BIGINT, v INT) WITH ('connector' = 'datagen')");
    StatementResult result = session.execute("SELECT id, v + 1 AS w FROM endless WHERE v IS NOT NULL");

    assertThat(result.kind()).isEqualTo(StatementResult.Kind.STREAMING);
    assertThat(result.schema().fieldNames()).containsExactly("id", "w");
    RowStream stream = result.stream();
    List<Row> rows = take(stream, 50);
    assertThat(rows).hasSize(50).allMatch(r -> r.kind() == RowKind.INSERT);
    assertThat(stream.isFinished()).isFalse();

    stream.close();
    assertThat(stream.isFinished()).as("closing cancels the job").isTrue();
  }

  @Test
  void shellModeStreamsBoundedQueriesTooAndTheyEndByThemselves() throws Exception {
    session.setStreamQueryResults(true);
    session.execute(
        "CREATE TABLE three (id BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '3',"
            + " 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '3')");
    StatementResult result = session.execute("SELECT id * 2 AS twice FROM three");
    assertThat(result.kind()).isEqualTo(StatementResult.Kind.STREAMING);
    try (RowStream stream = result.stream()) {
      List<Row> rows = take(stream, 3);
      assertThat(rows).extracting(r -> r.getLong(0)).containsExactlyInAnyOrder(2L, 4L, 6L);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!stream.isFinished() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(stream.isFinished()).isTrue();
    }
  }

  @Test
  void closingTheSessionStopsQueriesWhoseStreamsWereNotClosed() throws Exception {
    session.execute("CREATE TABLE endless (id BIGINT) WITH ('connector' = 'datagen')");
    RowStream forgotten = session.execute("SELECT id FROM endless").stream();
    assertThat(take(forgotten, 5)).hasSize(5);

    session.close();
    assertThat(forgotten.isFinished()).isTrue();
  }
}
