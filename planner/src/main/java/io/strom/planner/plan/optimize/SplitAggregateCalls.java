package io.strom.planner.plan.optimize;

import io.strom.codegen.agg.AvgSumType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The calls of an aggregation split for distinct values (see {@link DistinctAggSplit}), level by
 * level: the partial level computes each call per key and bucket, the final level combines the
 * partial results per key (counts and sums add up, MIN and MAX take the extreme), and each original
 * result is read off the final row. AVG is not combinable, so it travels as a sum and a count that
 * the final row divides, as Flink's split does.
 */
final class SplitAggregateCalls {
  /** Where an original call's partial calls filter their rows, given the call and its filter. */
  interface Filters {
    int filterOf(int call, int originalFilter);
  }

  private final List<AggregateCall> partial = new ArrayList<>();
  private final List<AggregateCall> finals = new ArrayList<>();
  /** Per original call, its final calls: one, or for AVG the sum and the count. */
  private final List<int[]> finalsOfCall = new ArrayList<>();
  private final List<AggregateCall> originals;

  /**
   * @param input the row type the partial level aggregates
   * @param partialKeyCount how many fields (keys, then buckets) lead a partial row
   * @param partialPrefix the name partial results start with, followed by their position
   */
  SplitAggregateCalls(
      List<AggregateCall> originals,
      RelDataType input,
      RelDataTypeFactory types,
      Filters filters,
      int partialKeyCount,
      String partialPrefix) {
    this.originals = List.copyOf(originals);
    for (int i = 0; i < originals.size(); i++) {
      AggregateCall call = originals.get(i);
      int filter = filters.filterOf(i, call.filterArg);
      List<AggregateCall> parts = new ArrayList<>();
      if (call.getAggregation().getKind() == SqlKind.AVG) {
        RelDataType arg = input.getFieldList().get(call.getArgList().get(0)).getType();
        RelDataType sumType = types.createTypeWithNullability(AvgSumType.of(types, arg), true);
        parts.add(derived(SqlStdOperatorTable.SUM, call, filter, sumType, "sum"));
        parts.add(derived(SqlStdOperatorTable.COUNT, call, filter,
            types.createSqlType(SqlTypeName.BIGINT), "count"));
      } else {
        parts.add(derived(call.getAggregation(), call, filter, call.getType(), null));
      }
      int[] positions = new int[parts.size()];
      for (int p = 0; p < parts.size(); p++) {
        AggregateCall part = parts.get(p);
        int position = partial.size();
        String name = partialPrefix + "_" + position;
        partial.add(part.rename(name));
        positions[p] = finals.size();
        boolean keepsName = parts.size() == 1;
        finals.add(AggregateCall.create(combining(part), false, false, false, List.of(),
            List.of(partialKeyCount + position), -1, null, RelCollations.EMPTY, part.getType(),
            keepsName ? call.getName() : name));
      }
      finalsOfCall.add(positions);
    }
  }

  private static AggregateCall derived(
      SqlAggFunction function, AggregateCall call, int filter, RelDataType type, String part) {
    return AggregateCall.create(function, call.isDistinct(), false, false, List.of(),
        call.getArgList(), filter, null, RelCollations.EMPTY, type, part);
  }

  /** The calls of the partial level, per key and bucket. */
  List<AggregateCall> partialCalls() {
    return partial;
  }

  /** The calls of the final level, over the partial rows. */
  List<AggregateCall> finalCalls() {
    return finals;
  }

  /** Whether the final row holds the original results as they are (no AVG to divide). */
  boolean finalRowIsResult() {
    return finals.size() == originals.size();
  }

  /**
   * The original call {@code call}'s result, from the final row whose fields after {@code keyCount}
   * keys are {@link #finalCalls()}'s: AVG is its sum divided by its count, NULL for no rows.
   */
  RexNode result(RexBuilder rex, int call, int keyCount, RelDataType finalRow) {
    int[] positions = finalsOfCall.get(call);
    RexNode first = field(rex, finalRow, keyCount + positions[0]);
    if (positions.length == 1) {
      return first;
    }
    RexNode count = field(rex, finalRow, keyCount + positions[1]);
    RelDataType type = originals.get(call).getType();
    return rex.makeCall(SqlStdOperatorTable.CASE,
        rex.makeCall(SqlStdOperatorTable.EQUALS, count, rex.makeBigintLiteral(BigDecimal.ZERO)),
        rex.makeNullLiteral(type),
        rex.makeCast(type, rex.makeCall(SqlStdOperatorTable.DIVIDE, first, count)));
  }

  /** A reference to field {@code index} of {@code row}. */
  static RexNode field(RexBuilder rex, RelDataType row, int index) {
    return rex.makeInputRef(row.getFieldList().get(index).getType(), index);
  }

  /** The function combining partial results of {@code call}: counts and sums add up. */
  private static SqlAggFunction combining(AggregateCall call) {
    return switch (call.getAggregation().getKind()) {
      case COUNT, SUM0 -> SqlStdOperatorTable.SUM0;
      case SUM -> SqlStdOperatorTable.SUM;
      case MIN -> SqlStdOperatorTable.MIN;
      case MAX -> SqlStdOperatorTable.MAX;
      default -> throw new IllegalStateException("Bug: " + call + " cannot be split");
    };
  }
}
