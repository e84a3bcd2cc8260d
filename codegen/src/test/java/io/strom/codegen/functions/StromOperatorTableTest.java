package io.strom.codegen.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.calcite.sql.SqlOperator;
import org.junit.jupiter.api.Test;

class StromOperatorTableTest {
  private final StromOperatorTable table = StromOperatorTable.create();

  @Test
  void everyNameOfferedByNameResolvesToAnOperatorOrAGroupWindowTimeFunction() {
    Set<String> operatorNames =
        table.getOperatorList().stream()
            .map(SqlOperator::getName)
            .map(name -> name.toUpperCase(Locale.ROOT))
            .collect(Collectors.toSet());
    for (String name : table.functionNamesByName()) {
      if (!name.endsWith("_ROWTIME") && !name.endsWith("_PROCTIME")) {
        assertThat(operatorNames).as(name).contains(name);
      }
    }
  }

  @Test
  void offersFunctionsButNotOperatorsWithSyntaxOfTheirOwnNorFunctionsStromDoesNotRun() {
    assertThat(table.functionNamesByName())
        .contains("ABS", "SHA256", "TUMBLE", "TUMBLE_ROWTIME", "COUNT", "CAST", "JSON_VALUE")
        .doesNotContain(
            "AND", "LIKE", "UNION", "SEARCH", "SINGLE_VALUE", "SET_SEMANTICS_TABLE", "SIN",
            "STDDEV", "SESSION_USER", "||");
  }
}
