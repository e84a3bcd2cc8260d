package io.strom.codegen.agg;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.api.functions.FunctionContext;
import io.strom.api.state.MapState;
import io.strom.codegen.types.StromTypeFactory;
import io.strom.codegen.types.TypeConversions;
import io.strom.data.BinaryRow;
import io.strom.data.DecimalData;
import io.strom.data.GenericRow;
import io.strom.data.JoinedRow;
import io.strom.data.Row;
import io.strom.data.StringData;
import io.strom.runtime.sql.agg.AggsContext;
import io.strom.runtime.sql.agg.AggsHandler;
import io.strom.types.DataTypes;
import io.strom.types.RowType;
import java.math.BigDecimal;
import java.util.List;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.junit.jupiter.api.Test;

/**
 * Two-phase aggregation's contract with generated code: partial accumulators of disjoint parts of
 * the input, merged, give the result of accumulating all of it; functions that cannot merge make
 * the handler say so.
 */
class AggsHandlerMergeTest {
  private static final StromTypeFactory TYPES = new StromTypeFactory();
  private static final RowType INPUT = DataTypes.ROW(
      DataTypes.FIELD("k", DataTypes.STRING()),
      DataTypes.FIELD("v", DataTypes.INT()),
      DataTypes.FIELD("p", DataTypes.DECIMAL(10, 2)),
      DataTypes.FIELD("s", DataTypes.STRING()),
      DataTypes.FIELD("d", DataTypes.DOUBLE()));
  private static final RelDataType INPUT_TYPE = TypeConversions.toRelRowType(TYPES, INPUT);
  private static final int[] GROUPING = {0};

  private static RelDataType field(int i) {
    return INPUT_TYPE.getFieldList().get(i).getType();
  }

  private static AggregateCall call(SqlAggFunction function, boolean distinct, List<Integer> args,
      RelDataType type) {
    return AggregateCall.create(function, distinct, false, false, List.of(), args, -1, null,
        RelCollations.EMPTY, type, function.getName().toLowerCase());
  }

  private static RelDataType nullable(RelDataType type) {
    return TYPES.createTypeWithNullability(type, true);
  }

  /** COUNT(*), SUM(v), MIN(s), MAX(p), AVG(p), AVG(d), SUM(d). */
  private static List<AggregateCall> calls() {
    return List.of(
        call(SqlStdOperatorTable.COUNT, false, List.of(), TYPES.createSqlType(
            org.apache.calcite.sql.type.SqlTypeName.BIGINT)),
        call(SqlStdOperatorTable.SUM, false, List.of(1), nullable(field(1))),
        call(SqlStdOperatorTable.MIN, false, List.of(3), nullable(field(3))),
        call(SqlStdOperatorTable.MAX, false, List.of(2), nullable(field(2))),
        call(SqlStdOperatorTable.AVG, false, List.of(2),
            nullable(TYPES.getTypeSystem().deriveAvgAggType(TYPES, field(2)))),
        call(SqlStdOperatorTable.AVG, false, List.of(4), nullable(field(4))),
        call(SqlStdOperatorTable.SUM, false, List.of(4), nullable(field(4))));
  }

  private static AggsHandler open(AggsHandlerCodeGenerator.Generated generated) throws Exception {
    AggsHandler handler = generated.handler().newInstance(AggsHandlerMergeTest.class.getClassLoader());
    handler.open(new AggsContext() {
      @Override
      public MapState<BinaryRow, Long> countingMap(String name, RowType valueType) {
        throw new AssertionError("no state expected");
      }

      @Override
      public MapState<BinaryRow, long[]> distinctCounts(String name, RowType valueType) {
        throw new AssertionError("no state expected");
      }

      @Override
      public void refuseOlderLayout(String name) {}

      @Override
      public FunctionContext functionContext() {
        return FunctionContext.utc();
      }
    });
    handler.setAccumulators(handler.createAccumulators());
    return handler;
  }

  private static Row row(Integer v, String p, String s, Double d) {
    return GenericRow.of(StringData.fromString("k"), v,
        p == null ? null : DecimalData.fromBigDecimal(new BigDecimal(p), 10, 2),
        s == null ? null : StringData.fromString(s), d);
  }

  @Test
  void mergedPartialsGiveTheResultOfAllRows() throws Exception {
    AggsHandlerCodeGenerator.Generated generated =
        AggsHandlerCodeGenerator.generate(INPUT_TYPE, GROUPING, calls(), false, "MergeTest");
    assertThat(generated.mergeable()).isTrue();
    assertThat(generated.accumulatorNames()).containsExactly(
        List.of("count$0"), List.of("sum$1"), List.of("min$2"), List.of("max$3"),
        List.of("sum$4", "count$5"), List.of("sum$6", "count$7"), List.of("sum$8"));
    List<Row> first = List.of(row(1, "2.50", "m", 0.5), row(null, null, null, null));
    List<Row> second = List.of(row(4, "0.25", "c", 1.5), row(2, "9.99", "x", null));
    List<Row> onlyNulls = List.of(row(null, null, null, null));

    AggsHandler all = open(generated);
    AggsHandler global = open(generated);
    Row key = GenericRow.of(StringData.fromString("k"));
    for (List<Row> part : List.of(first, second, onlyNulls)) {
      AggsHandler local = open(generated);
      for (Row row : part) {
        local.accumulate(row);
        all.accumulate(row);
      }
      global.merge(new JoinedRow(key, local.getAccumulators()), 1);
    }

    assertThat(global.getValue(key)).isEqualTo(all.getValue(key));
    Row result = global.getValue(key);
    assertThat(result.getLong(1)).isEqualTo(5);
    assertThat(result.getInt(2)).isEqualTo(7);
    assertThat(result.getString(3).toString()).isEqualTo("c");
    assertThat(result.getDecimal(4, 10, 2).toBigDecimal()).isEqualByComparingTo("9.99");
  }

  @Test
  void overARetractingInputPartialsCarryARowCountThatEmptiesTheKey() throws Exception {
    // COUNT(*), SUM(v) and AVG(p), whose partials may retract more than they add.
    List<AggregateCall> calls = List.of(calls().get(0), calls().get(1), calls().get(4));
    AggsHandlerCodeGenerator.Generated generated =
        AggsHandlerCodeGenerator.generate(INPUT_TYPE, GROUPING, calls, true, "RetractTest");
    assertThat(generated.mergeable()).isTrue();
    assertThat(generated.accumulatorFieldNames()).containsExactly(
        "count1$0", "count$1", "sum$2", "count$3", "sum$4", "count$5");
    Row key = GenericRow.of(StringData.fromString("k"));
    Row a = row(3, "1.00", "a", null);
    Row b = row(5, "2.00", "b", null);

    AggsHandler adds = open(generated);
    adds.accumulate(a);
    adds.accumulate(b);
    AggsHandler retracts = open(generated);
    retracts.retract(a);
    AggsHandler global = open(generated);
    global.merge(new JoinedRow(key, adds.getAccumulators()), 1);
    global.merge(new JoinedRow(key, retracts.getAccumulators()), 1);
    assertThat(global.recordCountIsZero()).isFalse();
    Row result = global.getValue(key);
    assertThat(result.getLong(1)).isEqualTo(1);
    assertThat(result.getInt(2)).isEqualTo(5);
    assertThat(result.getDecimal(3, 38, 6).toBigDecimal()).isEqualByComparingTo("2.00");

    AggsHandler rest = open(generated);
    rest.retract(b);
    global.merge(new JoinedRow(key, rest.getAccumulators()), 1);
    assertThat(global.recordCountIsZero()).isTrue();
  }

  @Test
  void distinctCallsAndRetractableMinMaxDoNotMerge() {
    List<AggregateCall> distinct = List.of(
        call(SqlStdOperatorTable.COUNT, true, List.of(1), TYPES.createSqlType(
            org.apache.calcite.sql.type.SqlTypeName.BIGINT)));
    assertThat(AggsHandlerCodeGenerator.generate(INPUT_TYPE, GROUPING, distinct, false, "Distinct")
        .mergeable()).isFalse();
    assertThat(AggsHandlerCodeGenerator.generate(INPUT_TYPE, GROUPING, calls().subList(2, 3), true,
        "RetractingMin").mergeable()).isFalse();
    assertThat(AggsHandlerCodeGenerator.generate(INPUT_TYPE, GROUPING, calls().subList(2, 3), false,
        "Min").mergeable()).isTrue();
  }
}
