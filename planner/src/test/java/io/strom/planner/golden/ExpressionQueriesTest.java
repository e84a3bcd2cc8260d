package io.strom.planner.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.codegen.testing.ResultFormatter;
import io.strom.codegen.testing.TestRows;
import io.strom.configuration.Configuration;
import io.strom.planner.session.SqlSession;
import io.strom.planner.session.StatementResult;
import io.strom.planner.testing.TestValuesTableFactory;
import io.strom.types.RowType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every case of the code generator's golden expressions (types, literals, casts, nulls,
 * arithmetic, logic, string, temporal, math and JSON functions) as a SQL query through the whole
 * engine: {@code SELECT <expression> FROM t}, planned, compiled and run as a job over a table
 * holding the cases' input row. The results must be those the expressions give on their own.
 */
class ExpressionQueriesTest {
  private static SqlSession session;

  @BeforeAll
  static void createInputTable() {
    Configuration settings = new Configuration().setString("table.local-time-zone", "UTC");
    session = new SqlSession(settings);
    String id = TestValuesTableFactory.register(List.of(TestRows.row()));
    RowType type = TestRows.TYPE;
    String columns =
        type.fields().stream()
            .map(f -> "`" + f.name() + "` " + f.type().asSummaryString())
            .collect(Collectors.joining(", "));
    session.execute(
        "CREATE TABLE t (" + columns + ") WITH ('connector' = 'test-values', 'data-id' = '" + id + "')");
  }

  @AfterAll
  static void close() throws Exception {
    session.close();
  }

  @TestFactory
  Stream<DynamicTest> expressionsGiveTheSameResultsAsQueries() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    int lineNumber = 0;
    for (String line : lines()) {
      lineNumber++;
      String trimmed = line.trim();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      String[] parts = line.split(" \\| ", -1);
      String expression = parts[0].trim();
      String expected = parts[1];
      String expectedType = parts.length == 3 ? parts[2].trim() : null;
      tests.add(
          DynamicTest.dynamicTest(
              lineNumber + ": " + expression, () -> check(expression, expected, expectedType)));
    }
    return tests.stream();
  }

  private static void check(String expression, String expected, String expectedType) {
    String query = "SELECT " + expression + " AS v FROM t";
    if (expected.startsWith("ERROR:")) {
      String message = expected.substring("ERROR:".length()).trim();
      assertThatThrownBy(() -> session.execute(query)).as(query).hasMessageContaining(message);
      return;
    }
    StatementResult result = session.execute(query);
    assertThat(result.rows()).as(query).hasSize(1);
    RowType schema = result.schema();
    assertThat(ResultFormatter.format(result.rows().get(0), 0, schema.fields().get(0).type()))
        .as(query)
        .isEqualTo(expected);
    if (expectedType != null) {
      assertThat(schema.fields().get(0).type().asSummaryString()).as("type of " + query).isEqualTo(expectedType);
    }
  }

  private static List<String> lines() throws IOException {
    try (InputStream in = ExpressionQueriesTest.class.getResourceAsStream("/golden/expressions.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }
}
