package io.strom.planner.plan.physical;

import io.strom.codegen.types.TimeAttributeType;
import io.strom.planner.ValidationException;
import io.strom.runtime.sql.rank.RankRange;
import io.strom.runtime.sql.rank.RankType;
import io.strom.types.TimestampKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.rel.logical.LogicalWindow;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * Plans {@code ROW_NUMBER()} (also {@code RANK()}, {@code DENSE_RANK()}) {@code OVER (PARTITION BY
 * .. ORDER BY ..)} filtered to a range of numbers
 * ({@code rn <= N}, {@code rn < N}, {@code rn = N}, {@code rn BETWEEN M AND N}):
 *
 * <ul>
 *   <li>partitioned by a window's start and end: a window Top-N (window deduplication when it keeps
 *       row 1 ordered by the window's time column), emitted when the window ends;
 *   <li>keeping row 1 ordered by one time attribute: a deduplication;
 *   <li>otherwise: a Top-N.
 * </ul>
 *
 * <p>The conditions on the row number become the rank range; the rest of the calc stays above.
 * A range of one row number makes the number a constant, so the operator does not emit it.
 */
final class RankConversion {
  private RankConversion() {}

  /** The plan of {@code calc} over {@code window}, or null when the window ranks nothing. */
  static StreamPhysicalRel convert(LogicalCalc calc, LogicalWindow window, RelTraitSet traits) {
    if (window.groups.size() != 1 || window.groups.get(0).aggCalls.size() != 1
        || !isRanking(window.groups.get(0).aggCalls.get(0).getKind())) {
      return null;
    }
    Window.Group group = window.groups.get(0);
    RankType rankType = RankType.valueOf(group.aggCalls.get(0).getKind().name());
    if (group.orderKeys.getFieldCollations().isEmpty()) {
      throw new ValidationException(
          rankType + "() needs ORDER BY in its OVER clause to say which rows rank first");
    }
    int inputFields = window.getInput().getRowType().getFieldCount();
    RexProgram program = calc.getProgram();
    RexBuilder rex = calc.getCluster().getRexBuilder();
    List<RexNode> residual = new ArrayList<>();
    long[] range = {1, Long.MAX_VALUE};
    if (program.getCondition() != null) {
      for (RexNode conjunct :
          // Constant reduction may have written rn BETWEEN 2 AND 3 as a SEARCH over a range.
          RelOptUtil.conjunctions(
              RexUtil.expandSearch(rex, null, program.expandLocalRef(program.getCondition())))) {
        if (!narrow(conjunct, inputFields, range)) {
          residual.add(conjunct);
        }
      }
    }
    if (range[1] == Long.MAX_VALUE) {
      throw new ValidationException(rankType + "() is supported in Top-N and deduplication"
          + " queries, which filter it with an upper bound: WHERE rn <= N, rn < N, rn = N or rn"
          + " BETWEEN M AND N");
    }
    if (range[1] < range[0]) {
      throw new ValidationException("The filter on " + rankType + "() keeps no rows: rn from "
          + range[0] + " to " + range[1]);
    }
    List<RexNode> projects = program.expandList(program.getProjectList());
    boolean constant = range[0] == range[1];
    if (constant) {
      // Every row kept has the same number: a literal, so the operator need not emit it.
      RexNode number = rex.makeBigintLiteral(BigDecimal.valueOf(range[0]));
      RexShuttle inline = new RexShuttle() {
        @Override
        public RexNode visitInputRef(RexInputRef ref) {
          return ref.getIndex() == inputFields
              ? rex.makeCast(ref.getType(), number, true, false) : ref;
        }
      };
      projects = inline.apply(projects);
      residual = inline.apply(residual);
    }
    boolean outputRankNumber = !constant
        && (RelOptUtil.InputFinder.bits(projects, null).get(inputFields)
            || RelOptUtil.InputFinder.bits(residual, null).get(inputFields));
    RankRange rankRange = new RankRange(range[0], range[1], outputRankNumber);
    RelDataType rankRowType = outputRankNumber ? window.getRowType()
        : window.getInput().getRowType();
    StreamPhysicalRel input = PhysicalConverter.convert(window.getInput());
    int[] partition = group.keys.toArray();
    StreamPhysicalRel rank =
        rank(window, traits, input, partition, group, rankType, rankRange, rankRowType);
    RexNode condition = RexUtil.composeConjunction(rex, residual, true);
    RexProgram rest = RexProgram.create(
        rankRowType, projects, condition, calc.getRowType(), rex);
    if (rest.isTrivial() && rankRowType.getFieldNames().equals(calc.getRowType().getFieldNames())) {
      return rank;
    }
    return new StreamPhysicalCalc(calc.getCluster(), traits, rank, rest);
  }

  private static boolean isRanking(SqlKind kind) {
    return kind == SqlKind.ROW_NUMBER || kind == SqlKind.RANK || kind == SqlKind.DENSE_RANK;
  }

  private static StreamPhysicalRel rank(LogicalWindow window, RelTraitSet traits,
      StreamPhysicalRel input, int[] partition, Window.Group group, RankType rankType,
      RankRange range, RelDataType rowType) {
    List<RelFieldCollation> order = group.orderKeys.getFieldCollations();
    StreamPhysicalExchange exchange =
        new StreamPhysicalExchange(window.getCluster(), traits, input, partition);
    // Only ROW_NUMBER keeps a single row: RANK and DENSE_RANK keep every row that ties for 1.
    boolean firstRowOnly = rankType == RankType.ROW_NUMBER
        && range.start() == 1 && range.end() == 1 && !range.outputRankNumber();
    StreamPhysicalRel windowRank = WindowRankConversion.windowRank(
        window, traits, exchange, partition, order, range, firstRowOnly, rowType);
    if (windowRank != null) {
      if (rankType != RankType.ROW_NUMBER) {
        // Flink's window Top-N takes ROW_NUMBER() only and refuses RANK() and DENSE_RANK().
        throw new ValidationException(rankType + "() is not supported in a window Top-N (a rank"
            + " partitioned by window_start and window_end), as in Flink; use ROW_NUMBER()");
      }
      return windowRank;
    }
    TimeAttributeType time = firstRowOnly && order.size() == 1
        ? timeAttribute(input.getRowType().getFieldList().get(order.get(0).getFieldIndex()))
        : null;
    if (time != null) {
      boolean rowtime = time.kind() == TimestampKind.ROWTIME;
      return new StreamPhysicalDeduplicate(window.getCluster(), traits, exchange, partition,
          order.get(0).getDirection().isDescending(), order.get(0).getFieldIndex(), rowtime);
    }
    return new StreamPhysicalRank(
        window.getCluster(), traits, exchange, partition, order, range, rankType, rowType);
  }

  private static TimeAttributeType timeAttribute(RelDataTypeField field) {
    return field.getType() instanceof TimeAttributeType t && t.kind() != TimestampKind.REGULAR
        ? t : null;
  }

  /**
   * Narrows {@code range} ({start, end}) by {@code conjunct} when it compares the row number
   * (field {@code rankField}) with an integer literal; returns whether it did.
   */
  private static boolean narrow(RexNode conjunct, int rankField, long[] range) {
    if (!(conjunct instanceof RexCall call) || call.getOperands().size() != 2) {
      return false;
    }
    SqlKind kind = call.getKind();
    RexNode left = call.getOperands().get(0);
    RexNode right = call.getOperands().get(1);
    if (isField(right, rankField) && literal(left) != null) {
      kind = kind.reverse();
      RexNode swap = left;
      left = right;
      right = swap;
    }
    BigDecimal bound = literal(right);
    if (!isField(left, rankField) || bound == null) {
      return false;
    }
    long n;
    try {
      n = bound.longValueExact();
    } catch (ArithmeticException e) {
      return false;
    }
    switch (kind) {
      case LESS_THAN_OR_EQUAL -> range[1] = Math.min(range[1], n);
      case LESS_THAN -> range[1] = Math.min(range[1], n - 1);
      case EQUALS -> {
        range[0] = Math.max(range[0], n);
        range[1] = Math.min(range[1], n);
      }
      case GREATER_THAN_OR_EQUAL -> range[0] = Math.max(range[0], n);
      case GREATER_THAN -> range[0] = Math.max(range[0], n + 1);
      default -> {
        return false;
      }
    }
    return true;
  }

  private static boolean isField(RexNode node, int field) {
    RexNode stripped = RexUtil.removeCast(node);
    return stripped instanceof RexInputRef ref && ref.getIndex() == field;
  }

  private static BigDecimal literal(RexNode node) {
    RexNode stripped = RexUtil.removeCast(node);
    return stripped instanceof RexLiteral literal && !literal.isNull()
        && literal.getValue() instanceof BigDecimal value ? value : null;
  }
}
