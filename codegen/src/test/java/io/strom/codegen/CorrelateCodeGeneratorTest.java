package io.strom.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.api.functions.FunctionContext;
import io.strom.api.functions.TableFunction;
import io.strom.codegen.functions.UnnestRows;
import io.strom.codegen.functions.UserFunctions;
import io.strom.codegen.types.StromTypeFactory;
import io.strom.codegen.types.TypeConversions;
import io.strom.data.GenericConverter;
import io.strom.data.GenericMap;
import io.strom.data.GenericRow;
import io.strom.data.RowKind;
import io.strom.data.StringData;
import io.strom.runtime.functions.EvaluationException;
import io.strom.runtime.generated.CorrelateFunction;
import io.strom.types.DataTypes;
import io.strom.types.RowType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

class CorrelateCodeGeneratorTest {
  private final StromTypeFactory types = new StromTypeFactory();
  private final RexBuilder rex = new RexBuilder(types);

  /** Emits the words of a text; counts opens and closes over all copies. */
  public static final class Words extends TableFunction<String> {
    static final AtomicInteger OPENED = new AtomicInteger();
    static final AtomicInteger CLOSED = new AtomicInteger();

    @Override
    public void open(FunctionContext context) {
      OPENED.incrementAndGet();
    }

    public void eval(String text) {
      if (text != null) {
        for (String word : text.split(" ")) {
          collect(word);
        }
      }
    }

    @Override
    public void close() {
      CLOSED.incrementAndGet();
    }
  }

  /** Declares rows of two columns but emits a plain value. */
  @io.strom.api.functions.DataTypeHint("ROW<a INT, b INT>")
  public static final class Broken extends TableFunction<Object> {
    public void eval(int n) {
      collect(n);
    }
  }

  @Test
  void leftJoinOpensOnceKeepsKindsAndPadsRowsWithoutMatches() throws Exception {
    Words.OPENED.set(0);
    Words.CLOSED.set(0);
    RelDataType string = types.createTypeWithNullability(
        types.createSqlType(SqlTypeName.VARCHAR, Integer.MAX_VALUE), true);
    SqlFunction words = UserFunctions.table("words", new Words());
    RexCall call = (RexCall) rex.makeCall(
        types.createSqlType(SqlTypeName.CURSOR), words, List.of(rex.makeInputRef(string, 0)));
    RowType functionType = RowType.of(List.of("f0"), List.of(DataTypes.STRING()));
    CorrelateFunction function = CorrelateCodeGenerator.generate(new CorrelateCodeGenerator.Spec(
        call, functionType, null, functionType, true, "words"))
        .newInstance(getClass().getClassLoader());
    RowType outputType = RowType.of(
        List.of("s", "f0"), List.of(DataTypes.STRING(), DataTypes.STRING()));

    List<String> out = new ArrayList<>();
    function.open(FunctionContext.utc());
    function.apply(GenericRow.of("a b"),
        row -> out.add(GenericConverter.format(row, outputType)));
    function.apply(GenericRow.ofKind(RowKind.UPDATE_BEFORE, "c"),
        row -> out.add(GenericConverter.format(row, outputType)));
    function.apply(GenericRow.of((Object) null),
        row -> out.add(GenericConverter.format(row, outputType)));
    function.close();

    assertThat(out).containsExactly(
        "+I[a b, a]", "+I[a b, b]", "-U[c, c]", "+I[null, null]");
    assertThat(Words.OPENED).hasValue(1);
    assertThat(Words.CLOSED).hasValue(1);
  }

  @Test
  void unnestsMultisetElementsAsOftenAsTheyOccurWithOrdinality() throws Exception {
    RelDataType multiset = types.createMultisetType(
        types.createSqlType(SqlTypeName.VARCHAR, Integer.MAX_VALUE), -1);
    RowType functionType = RowType.of(
        List.of("e", "ord"), List.of(DataTypes.STRING(), DataTypes.INT()));
    RexCall call = (RexCall) rex.makeCall(
        TypeConversions.toRelDataType(types, functionType), UnnestRows.WITH_ORDINALITY,
        List.of(rex.makeInputRef(multiset, 0)));
    CorrelateFunction function = CorrelateCodeGenerator.generate(new CorrelateCodeGenerator.Spec(
        call, functionType, null, functionType, false, "unnest"))
        .newInstance(getClass().getClassLoader());
    Map<Object, Object> counts = new LinkedHashMap<>();
    counts.put(StringData.fromString("x"), 2);
    counts.put(StringData.fromString("y"), 1);

    List<String> out = new ArrayList<>();
    function.open(FunctionContext.utc());
    function.apply(GenericRow.of(new GenericMap(counts)), row -> out.add(
        row.getString(1) + "@" + row.getInt(2)));

    assertThat(out).containsExactly("x@1", "x@2", "y@3");
  }

  @Test
  void valueOfTheWrongKindFailsNamingTheFunction() throws Exception {
    RelDataType integer = types.createSqlType(SqlTypeName.INTEGER);
    RexCall call = (RexCall) rex.makeCall(types.createSqlType(SqlTypeName.CURSOR),
        UserFunctions.table("broken", new Broken()), List.of(rex.makeExactLiteral(
            java.math.BigDecimal.ONE, integer)));
    RowType functionType = RowType.of(
        List.of("a", "b"), List.of(DataTypes.INT(), DataTypes.INT()));
    CorrelateFunction function = CorrelateCodeGenerator.generate(new CorrelateCodeGenerator.Spec(
        call, functionType, null, functionType, false, "broken"))
        .newInstance(getClass().getClassLoader());
    function.open(FunctionContext.utc());

    assertThatThrownBy(() -> function.apply(GenericRow.of(1), row -> { }))
        .isInstanceOf(EvaluationException.class)
        .hasMessageContaining("Table function 'BROKEN' emitted '1'");
  }
}
