package io.strom.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.codegen.functions.StromOperatorTable;
import io.strom.codegen.testing.ExpressionEvaluator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Evaluates every expression of {@code golden/expressions.txt} over the fixed test row and checks
 * Flink's result. Lines: {@code expression | expected [| TYPE]}, where expected is the printed
 * value (taken exactly, so leading spaces count) or {@code ERROR: substring of the message}; {@code #} starts a comment.
 */
class GoldenExpressionTest {
  private static final ExpressionEvaluator EVALUATOR =
      new ExpressionEvaluator(StromOperatorTable.create());

  @TestFactory
  Stream<DynamicTest> expressionsGiveFlinksResults() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    int lineNumber = 0;
    for (String line : lines()) {
      lineNumber++;
      String trimmed = line.trim();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      String[] parts = line.split(" \\| ", -1);
      if (parts.length < 2 || parts.length > 3) {
        throw new IllegalArgumentException("Line " + lineNumber + " is malformed: " + line);
      }
      String expression = parts[0].trim();
      String expected = parts[1];
      String type = parts.length == 3 ? parts[2].trim() : null;
      int at = lineNumber;
      tests.add(DynamicTest.dynamicTest(at + ": " + expression, () -> check(expression, expected, type)));
    }
    return tests.stream();
  }

  private static void check(String expression, String expected, String type) throws Exception {
    if (expected.startsWith("ERROR:")) {
      String message = expected.substring("ERROR:".length()).trim();
      assertThatThrownBy(() -> EVALUATOR.evaluate(expression))
          .as(expression)
          .hasMessageContaining(message);
      return;
    }
    ExpressionEvaluator.Result result = EVALUATOR.evaluate(expression);
    assertThat(result.value()).as(expression).isEqualTo(expected);
    if (type != null) {
      assertThat(result.type()).as("type of " + expression).isEqualTo(type);
    }
  }

  private static List<String> lines() throws IOException {
    try (InputStream in = GoldenExpressionTest.class.getResourceAsStream(
        "/golden/expressions.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }
}
