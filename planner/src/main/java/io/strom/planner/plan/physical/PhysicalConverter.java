package io.strom.planner.plan.physical;

import io.strom.planner.ValidationException;
import io.strom.planner.plan.logical.LogicalWatermarkAssigner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rel.logical.LogicalTableFunctionScan;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlWindowTableFunction;
import org.apache.calcite.rel.logical.LogicalTableScan;
import org.apache.calcite.rel.logical.LogicalUnion;
import org.apache.calcite.rel.logical.LogicalValues;
import org.apache.calcite.rex.RexUtil;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a rewritten logical plan into a streaming physical plan, node by node. A logical operator
 * without a streaming implementation yet is refused with a message that names it.
 */
public final class PhysicalConverter {
  private PhysicalConverter() {}

  /** Converts a whole query's plan and checks what only the whole plan shows. */
  public static StreamPhysicalRel convertPlan(RelNode logical) {
    StreamPhysicalRel physical = convert(logical);
    SessionWindows.checkPlacement(physical);
    return physical;
  }

  public static StreamPhysicalRel convert(RelNode logical) {
    RelTraitSet traits = logical.getTraitSet().replace(StreamPhysicalRel.STREAM_PHYSICAL);
    if (logical instanceof LogicalTableScan scan) {
      return new StreamPhysicalTableSourceScan(scan.getCluster(), traits, scan.getTable());
    }
    StreamPhysicalRel overOrRank = OverAndRankRules.convert(logical, traits);
    if (overOrRank != null) {
      return overOrRank;
    }
    if (logical instanceof LogicalCalc calc) {
      rejectGroupWindowFunctions(calc);
      return new StreamPhysicalCalc(
          calc.getCluster(), traits, convert(calc.getInput()), calc.getProgram());
    }
    if (logical instanceof LogicalWatermarkAssigner assigner) {
      return new StreamPhysicalWatermarkAssigner(
          assigner.getCluster(),
          traits,
          convert(assigner.getInput()),
          assigner.rowtimeIndex(),
          assigner.watermarkExpression(),
          assigner.getRowType());
    }
    if (logical instanceof LogicalValues values) {
      return new StreamPhysicalValues(
          values.getCluster(), traits, values.getRowType(), values.getTuples());
    }
    if (logical instanceof LogicalAggregate aggregate) {
      return aggregate(aggregate, traits);
    }
    if (logical instanceof LogicalJoin join) {
      return join(join, traits);
    }
    if (logical instanceof org.apache.calcite.rel.logical.LogicalCorrelate correlate) {
      LogicalJoin asOf = LookupJoins.asJoin(correlate);
      if (asOf != null) {
        return LookupJoins.isLookup(correlate)
            ? LookupJoinConversion.convert(asOf, traits)
            : TemporalJoinConversion.convert(correlate, asOf, traits);
      }
      StreamPhysicalRel lateral =
          CorrelateConversion.convert(correlate, traits, () -> convert(correlate.getLeft()));
      if (lateral != null) {
        return lateral;
      }
    }
    if (logical instanceof LogicalSort sort) {
      return sort.fetch != null
          ? orderByLimit(sort, traits)
          : TemporalSortConversion.convert(sort, traits, () -> convert(sort.getInput()));
    }
    if (logical instanceof LogicalTableFunctionScan scan
        && scan.getCall() instanceof RexCall call
        && call.getOperator() instanceof SqlWindowTableFunction) {
      return WindowTableFunctions.convert(scan, call, traits, convert(scan.getInputs().get(0)));
    }
    if (logical instanceof LogicalTableFunctionScan scan) {
      StreamPhysicalRel alone = CorrelateConversion.convert(scan, traits);
      if (alone != null) {
        return alone;
      }
    }
    if (logical instanceof LogicalUnion union && union.all) {
      List<RelNode> inputs = new ArrayList<>();
      for (RelNode input : union.getInputs()) {
        inputs.add(convert(input));
      }
      return new StreamPhysicalUnion(union.getCluster(), traits, inputs);
    }
    throw new ValidationException("This query needs " + describe(logical) + ", which Strom does not"
        + " run yet: this version runs projections, filters, functions, VALUES, UNION [ALL] and"
        + " GROUP BY aggregations over tables (joins and windows come next).");
  }

  /**
   * A group or window aggregation after an exchange by its keys (to one subtask when it has
   * none); grouping sets go through an expand first.
   */
  private static StreamPhysicalRel aggregate(LogicalAggregate aggregate, RelTraitSet traits) {
    StreamPhysicalRel input = convert(aggregate.getInput());
    GroupingSetsConversion.KeyedAggregate keyed = (in, grouping, calls, rowType) ->
        keyedAggregate(aggregate, traits, in, grouping, calls, rowType);
    if (GroupingSetsConversion.applies(aggregate)) {
      return GroupingSetsConversion.convert(aggregate, traits, input, keyed);
    }
    return keyed.create(
        input, aggregate.getGroupSet().toArray(), aggregate.getAggCallList(), aggregate.getRowType());
  }

  private static StreamPhysicalRel keyedAggregate(
      LogicalAggregate aggregate,
      RelTraitSet traits,
      StreamPhysicalRel input,
      int[] grouping,
      List<org.apache.calcite.rel.core.AggregateCall> calls,
      org.apache.calcite.rel.type.RelDataType rowType) {
    StreamPhysicalRel windowAggregate = WindowTableFunctions.windowAggregate(
        aggregate.getCluster(), input, grouping, calls, rowType, traits);
    if (windowAggregate != null) {
      return windowAggregate;
    }
    StreamPhysicalExchange exchange =
        new StreamPhysicalExchange(aggregate.getCluster(), traits, input, grouping);
    return new StreamPhysicalGroupAggregate(
        aggregate.getCluster(), traits, exchange, grouping, calls, rowType);
  }

  /**
   * A regular, window or interval join: each side exchanged by its equality keys, cast to a
   * common type where the two sides differ (INT = BIGINT).
   */
  private static StreamPhysicalRel join(LogicalJoin join, RelTraitSet traits) {
    StreamPhysicalRel lateral =
        CorrelateConversion.convert(join, traits, () -> convert(join.getLeft()));
    if (lateral != null) {
      return lateral;
    }
    switch (join.getJoinType()) {
      case INNER, LEFT, RIGHT, FULL -> { }
      default -> throw new ValidationException(
          "This query needs a " + join.getJoinType() + " join, which Strom does not run yet");
    }
    StreamPhysicalRel left = convert(join.getLeft());
    StreamPhysicalRel right = convert(join.getRight());
    WindowJoinConditions.Recognized window = WindowJoinConditions.forJoin(join, left, right);
    IntervalJoinConditions.Extracted interval =
        window == null ? IntervalJoinConditions.forJoin(join) : null;
    // An interval join is keyed by the equalities of the condition without its time bounds (an
    // equality of the two times is a bound, not a key); a window join by all of them, window
    // columns included, so that each key holds one window.
    JoinInfo info = interval == null
        ? join.analyzeCondition()
        : JoinInfo.of(join.getLeft(), join.getRight(), interval.residual());
    JoinExchanges inputs = JoinExchanges.of(join, traits, left, right, info);
    StreamPhysicalRel leftExchange = inputs.left();
    StreamPhysicalRel rightExchange = inputs.right();
    if (window != null) {
      return new StreamPhysicalWindowJoin(
          join.getCluster(), traits, leftExchange, rightExchange, join.getCondition(),
          join.getJoinType(), window.window(), window.left(), window.right());
    }
    if (interval != null) {
      return new StreamPhysicalIntervalJoin(
          join.getCluster(), traits, leftExchange, rightExchange, join.getCondition(),
          join.getJoinType(), interval.bounds(), interval.residual());
    }
    return new StreamPhysicalJoin(
        join.getCluster(), traits, leftExchange, rightExchange, join.getCondition(), join.getJoinType());
  }

  /**
   * {@code ORDER BY ... LIMIT n [OFFSET m]}: a Top-N over the whole stream (one subtask), whose
   * result updates as better rows arrive; without ORDER BY the first rows to arrive.
   */
  private static StreamPhysicalRel orderByLimit(LogicalSort sort, RelTraitSet traits) {
    if (!(sort.fetch instanceof org.apache.calcite.rex.RexLiteral fetch)
        || (sort.offset != null && !(sort.offset instanceof org.apache.calcite.rex.RexLiteral))) {
      throw new ValidationException("LIMIT and OFFSET must be constant numbers");
    }
    long limit = fetch.getValueAs(Long.class);
    long offset = sort.offset == null
        ? 0 : ((org.apache.calcite.rex.RexLiteral) sort.offset).getValueAs(Long.class);
    if (limit <= 0) {
      throw new ValidationException("LIMIT must be positive, got " + limit);
    }
    StreamPhysicalRel input = convert(sort.getInput());
    StreamPhysicalExchange exchange =
        new StreamPhysicalExchange(sort.getCluster(), traits, input, new int[0]);
    return new StreamPhysicalRank(
        sort.getCluster(),
        traits,
        exchange,
        new int[0],
        sort.getCollation().getFieldCollations(),
        new io.strom.runtime.sql.rank.RankRange(offset + 1, offset + limit, false),
        sort.getRowType());
  }

  /**
   * Refuses group window functions ({@code $TUMBLE} calls) left outside a GROUP BY, where the
   * rewrite into window table functions ({@code GroupWindowRewriter}) does not reach.
   */
  private static void rejectGroupWindowFunctions(LogicalCalc calc) {
    for (org.apache.calcite.rex.RexNode expr : calc.getProgram().getExprList()) {
      if (expr instanceof RexCall call
          && List.of("$TUMBLE", "$HOP", "$SESSION").contains(call.getOperator().getName())) {
        String name = call.getOperator().getName().substring(1);
        throw new ValidationException("The group window function " + name + "(time, ...) can only"
            + " be used as an item of GROUP BY, with " + name + "_START and the like in the select"
            + " list; or use the window table function: FROM TABLE(" + name + "(TABLE t,"
            + " DESCRIPTOR(time), ...)) GROUP BY window_start, window_end, ...");
      }
    }
  }

  /** What a logical node stands for, in the user's terms. */
  private static String describe(RelNode logical) {
    if (RexUtil.SubQueryFinder.find(
            logical instanceof org.apache.calcite.rel.core.Filter f ? List.of(f.getCondition())
                : logical instanceof org.apache.calcite.rel.core.Project p ? p.getProjects()
                : List.of())
        != null) {
      return "a subquery (IN, EXISTS or a scalar subquery)";
    }
    if (logical instanceof org.apache.calcite.rel.core.Sort) {
      return "ORDER BY without LIMIT";
    }
    if (logical instanceof LogicalUnion) {
      return "UNION (without ALL)";
    }
    return switch (logical.getRelTypeName().replace("Logical", "")) {
      case "Aggregate" -> "an aggregation (GROUP BY, COUNT, SUM, DISTINCT, ...)";
      case "Join", "Correlate" -> "a join";
      case "Window" -> "an OVER window";
      case "TableFunctionScan" -> "a table function or a window function (TUMBLE, HOP, ...)";
      case "Match" -> "MATCH_RECOGNIZE";
      case "Intersect", "Minus" -> "INTERSECT or EXCEPT";
      default -> "the relational step " + logical.getRelTypeName();
    };
  }
}
