package io.strom.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.codegen.testing.SqlToRex;
import io.strom.codegen.testing.TestRows;
import io.strom.codegen.types.TypeConversions;
import io.strom.runtime.generated.CalcFunction;
import io.strom.runtime.generated.ClassCompiler;
import io.strom.runtime.generated.CodeGenerationException;
import io.strom.runtime.generated.GeneratedClass;
import io.strom.types.RowType;
import org.apache.calcite.rex.RexProgram;
import org.junit.jupiter.api.Test;

class GeneratedClassTest {
  private final SqlToRex sql = new SqlToRex(TestRows.TYPE);

  private GeneratedClass<CalcFunction> calc(String select, String name) {
    RexProgram program = sql.program(select);
    RowType out = TypeConversions.toRowType(program.getOutputRowType());
    return CalcCodeGenerator.generate(program, TestRows.TYPE, out, name);
  }

  @Test
  void equalPlansGenerateEqualSourceAndCompileOnce() {
    GeneratedClass<CalcFunction> first = calc("SELECT i + 1, UPPER(s) FROM T", "cached");
    GeneratedClass<CalcFunction> second = calc("SELECT i + 1, UPPER(s) FROM T", "cached");
    assertThat(second.code()).isEqualTo(first.code());
    Class<CalcFunction> compiled = first.compile(getClass().getClassLoader());
    long compilations = ClassCompiler.compilationCount();
    assertThat(second.compile(getClass().getClassLoader())).isSameAs(compiled);
    assertThat(ClassCompiler.compilationCount()).isEqualTo(compilations);
  }

  @Test
  void classIsNamedForWhatItComputes() {
    assertThat(calc("SELECT i FROM T", "orders filter-3").className())
        .isEqualTo("Calc$orders_filter_3");
  }

  @Test
  void compileErrorShowsNumberedSourceAndSaysItIsABug() {
    GeneratedClass<Object> broken = new GeneratedClass<>(
        "Broken", "public final class Broken {\n  int x = ;\n}\n", new Object[0]);
    assertThatThrownBy(() -> broken.compile(getClass().getClassLoader()))
        .isInstanceOf(CodeGenerationException.class)
        .hasMessageContaining("This is a bug")
        .hasMessageContaining("2:   int x = ;")
        .hasMessageContaining("1: public final class Broken {");
  }

  @Test
  void generatedSourceHasNoJava8Constructs() {
    String code = calc("SELECT CASE WHEN i > 1 THEN s ELSE ns END, JSON_VALUE(j, '$.a') FROM T",
        "janino").code();
    assertThat(code).doesNotContain("->").doesNotContain("::").doesNotContain(" var ");
  }
}
