package io.strom.planner.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.api.functions.TableFunction;
import io.strom.configuration.Configuration;
import io.strom.data.GenericConverter;
import io.strom.data.Row;
import io.strom.planner.ValidationException;
import io.strom.planner.session.SqlSession;
import io.strom.planner.session.StatementResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableFunctionRegistrationTest {

  /** Emits its argument as many times as it was configured with. */
  public static final class Repeat extends TableFunction<String> {
    private final int times;

    public Repeat(int times) {
      this.times = times;
    }

    public void eval(String text) {
      for (int i = 0; i < times; i++) {
        collect(text + i);
      }
    }
  }

  @Test
  void registeredInstanceRunsWithItsOwnState() throws Exception {
    try (SqlSession session = new SqlSession(new Configuration())) {
      session.functions().createTemporarySystemFunction("repeat3", new Repeat(3));

      StatementResult result = session.execute(
          "SELECT s, f0 FROM (VALUES ('x')) AS t(s), LATERAL TABLE(repeat3(s))");

      List<String> rows = new ArrayList<>();
      for (Row row : result.rows()) {
        rows.add(GenericConverter.format(row, result.schema()));
      }
      assertThat(rows).containsExactly("+I[x, x0]", "+I[x, x1]", "+I[x, x2]");
      assertThat(session.functions().userFunctionNames()).containsExactly("repeat3");
    }
  }

  @Test
  void refusesASecondFunctionOfTheSameName() {
    FunctionCatalog functions = new FunctionCatalog();
    functions.createTemporarySystemFunction("repeat", new Repeat(1));

    assertThatThrownBy(() -> functions.createTemporarySystemFunction("REPEAT", new Repeat(2)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Function 'REPEAT' already exists");
  }
}
