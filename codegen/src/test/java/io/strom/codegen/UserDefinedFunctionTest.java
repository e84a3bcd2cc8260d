package io.strom.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.codegen.functions.StromOperatorTable;
import io.strom.codegen.functions.UserFunctions;
import io.strom.codegen.testing.ExpressionEvaluator;
import io.strom.codegen.udf.TestFunctions;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserDefinedFunctionTest {
  private final ExpressionEvaluator evaluator = new ExpressionEvaluator(StromOperatorTable.create(
      List.of(UserFunctions.scalar("greet", TestFunctions.Greet.class),
          UserFunctions.scalar("price", TestFunctions.Price.class))));

  @Test
  void callsScalarFunctionOpenedWithTheContext() throws Exception {
    // SELECT greet(s) FROM T
    assertThat(evaluator.evaluate("greet(s)").value()).isEqualTo("hi Hello World");
    assertThat(evaluator.evaluate("greet(s)").type()).isEqualTo("STRING");
  }

  @Test
  void passesNullToBoxedParameters() throws Exception {
    assertThat(evaluator.evaluate("greet(ns)").value()).isEqualTo("nobody");
  }

  @Test
  void choosesTheEvalOverloadByArgumentTypes() throws Exception {
    assertThat(evaluator.evaluate("greet(i, 2)").value()).isEqualTo("84");
    assertThat(evaluator.evaluate("greet(i, 2)").type()).isEqualTo("INT");
  }

  @Test
  void nullForPrimitiveParameterGivesNull() throws Exception {
    assertThat(evaluator.evaluate("greet(n, 2)").value()).isEqualTo("NULL");
  }

  @Test
  void usesTheDataTypeHintForTheResult() throws Exception {
    ExpressionEvaluator.Result result = evaluator.evaluate("price(amt, 3)");
    assertThat(result.value()).isEqualTo("37.02");
    assertThat(result.type()).isEqualTo("DECIMAL(10, 2)");
    assertThat(evaluator.evaluate("price(amt, n)").value()).isEqualTo("NULL");
  }

  @Test
  void rejectsArgumentsNoEvalAccepts() {
    assertThatThrownBy(() -> evaluator.evaluate("greet(b)"))
        .hasMessageContaining("GREET");
  }
}
