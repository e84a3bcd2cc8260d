package io.strom.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.calcite.sql.SqlNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case in the golden files parses, is written back exactly as expected, and what is written
 * back parses to the same SQL again. Run with {@code -Dstrom.golden.rewrite=true} to rewrite the
 * expected blocks from the actual output, then review the diff.
 */
class RoundTripGoldenTest {
  private static final List<String> FILES =
      List.of("ddl.sql", "types.sql", "statements.sql", "queries.sql");
  private static final boolean REWRITE = Boolean.getBoolean("strom.golden.rewrite");
  private static final Map<String, Map<String, String>> ACTUAL = new LinkedHashMap<>();

  private final StromSqlParser parser = new StromSqlParser();

  @TestFactory
  Stream<DynamicTest> everyCaseRoundTrips() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    for (String file : FILES) {
      Map<String, String> actual = ACTUAL.computeIfAbsent(file, f -> new LinkedHashMap<>());
      for (GoldenFile.Case c : GoldenFile.read("/golden/" + file)) {
        tests.add(DynamicTest.dynamicTest(file + ": " + c.name(), () -> check(c, actual)));
      }
    }
    return tests.stream();
  }

  @Test
  void caseNamesAreUniqueAndThereAreEnoughOfThem() throws Exception {
    Set<String> names = new HashSet<>();
    int count = 0;
    for (String file : FILES) {
      for (GoldenFile.Case c : GoldenFile.read("/golden/" + file)) {
        assertThat(names.add(file + ": " + c.name())).as(c.name()).isTrue();
        count++;
      }
    }
    assertThat(count).isGreaterThanOrEqualTo(60);
  }

  private void check(GoldenFile.Case c, Map<String, String> actualByName) {
    SqlNode node = parser.parseStatement(c.input());
    String sql = StromSqlParser.toSql(node);
    actualByName.put(c.name(), sql);
    if (c.nodeClass() != null) {
      assertThat(node.getClass().getSimpleName()).as("node class").isEqualTo(c.nodeClass());
    }
    if (!REWRITE) {
      assertThat(sql).as("unparsed").isEqualTo(c.expected());
    }
    String again = StromSqlParser.toSql(parser.parseStatement(sql));
    assertThat(again).as("unparsed twice").isEqualTo(sql);
  }

  @AfterAll
  static void rewriteIfAsked() throws Exception {
    if (!REWRITE) {
      return;
    }
    for (Map.Entry<String, Map<String, String>> e : ACTUAL.entrySet()) {
      GoldenFile.rewrite(Path.of("src/test/resources/golden", e.getKey()), e.getValue());
    }
  }
}
