package io.strom.planner.plan.translate;

import io.strom.codegen.ComparatorCodeGenerator;
import io.strom.codegen.UnsupportedExpressionException;
import io.strom.codegen.agg.AggsHandlerCodeGenerator;
import io.strom.configuration.Configuration;
import io.strom.connector.ChangelogMode;
import io.strom.data.RowKind;
import io.strom.planner.ValidationException;
import io.strom.planner.calcite.PlannerTypes;
import io.strom.planner.config.TableConfigOptions;
import io.strom.planner.plan.physical.ChangelogModes;
import io.strom.planner.plan.physical.StreamPhysicalDeduplicate;
import io.strom.planner.plan.physical.StreamPhysicalOverAggregate;
import io.strom.planner.plan.physical.StreamPhysicalRank;
import io.strom.planner.plan.physical.StreamPhysicalTemporalSort;
import io.strom.planner.plan.physical.StreamPhysicalRel;
import io.strom.planner.plan.physical.StreamPhysicalTableSourceScan;
import io.strom.planner.plan.physical.StreamPhysicalWindowRank;
import io.strom.runtime.generated.GeneratedClass;
import io.strom.runtime.generated.RecordComparator;
import io.strom.runtime.sql.sort.TemporalSortOperator;
import io.strom.runtime.sql.over.OverAggOperator;
import io.strom.runtime.sql.rank.AppendOnlyTopNOperator;
import io.strom.runtime.sql.over.UpdatingOverAggOperator;
import io.strom.runtime.sql.rank.DeduplicateOperator;
import io.strom.runtime.sql.rank.RankType;
import io.strom.runtime.sql.rank.RetractableTopNOperator;
import io.strom.runtime.sql.rank.WindowRankOperator;
import io.strom.types.RowType;
import java.util.List;
import java.util.function.Function;
import org.apache.calcite.rel.RelFieldCollation;

/**
 * Turns Top-N, deduplication, window Top-N, OVER aggregation and temporal sort nodes into their
 * operators, with generated comparators and aggregate handlers. Top-N and OVER aggregation over
 * an updating input get operators that take rows back; the others need an insert-only input, and
 * an updating one is refused with the node that makes it update (a deduplication never is: over
 * an updating input the planner made it a Top-1, see {@code DeduplicateOverUpdates}).
 */
final class OverAndRankTranslator {
  private final PlanTranslator plans;
  private final JobBuilder job;
  private final PlannerTypes types;
  private final Configuration settings;
  private final Function<StreamPhysicalTableSourceScan, ChangelogMode> sourceModes;
  private int generated;

  OverAndRankTranslator(PlanTranslator plans, JobBuilder job, PlannerTypes types,
      Configuration settings, Function<StreamPhysicalTableSourceScan, ChangelogMode> sourceModes) {
    this.plans = plans;
    this.job = job;
    this.types = types;
    this.settings = settings;
    this.sourceModes = sourceModes;
  }

  static boolean handles(StreamPhysicalRel node) {
    return node instanceof StreamPhysicalRank || node instanceof StreamPhysicalDeduplicate
        || node instanceof StreamPhysicalWindowRank || node instanceof StreamPhysicalOverAggregate
        || node instanceof StreamPhysicalTemporalSort;
  }

  JobBuilder.Output translate(StreamPhysicalRel node) {
    StreamPhysicalRel inputPlan = (StreamPhysicalRel) node.getInput(0);
    boolean updating = !ChangelogModes.infer(inputPlan, sourceModes).of(inputPlan)
        .containsOnly(RowKind.INSERT);
    if (!(node instanceof StreamPhysicalRank) && !(node instanceof StreamPhysicalOverAggregate)) {
      requireInsertOnly(node, inputPlan);
    }
    JobBuilder.Output input = plans.translate(inputPlan);
    RowType outputType = types.toRowType(node.getRowType());
    long ttl = settings.get(TableConfigOptions.STATE_TTL).toMillis();
    if (node instanceof StreamPhysicalRank rank) {
      GeneratedClass<RecordComparator> order = comparator(inputPlan, rank.orderKeys());
      if (updating || rank.rankType() != RankType.ROW_NUMBER) {
        return job.operator(updating ? "RetractableRank" : "Rank", new RetractableTopNOperator(
            order, input.type(), rank.rankType(), rank.range(), !plans.dropsUpdateBefore(rank),
            !updating, ttl), input, outputType, StateSignature.of(rank));
      }
      return job.operator("Rank", new AppendOnlyTopNOperator(
          order, input.type(), rank.range(), !plans.dropsUpdateBefore(rank), ttl),
          input, outputType, StateSignature.of(rank));
    }
    if (node instanceof StreamPhysicalDeduplicate dedup) {
      int rowtime = dedup.rowtimeIndex();
      return job.operator("Deduplicate", new DeduplicateOperator(input.type(), dedup.keepLast(),
          rowtime, rowtime < 0 ? 0 : PlanTranslator.timestampPrecision(input.type().typeAt(rowtime)),
          !plans.dropsUpdateBefore(dedup), ttl),
          input, outputType, StateSignature.of(dedup));
    }
    if (node instanceof StreamPhysicalWindowRank rank) {
      return job.operator(rank.planName(), new WindowRankOperator(
          comparator(inputPlan, rank.orderKeys()), input.type(), rank.range(),
          rank.windowEndIndex(), rank.isEventTime(), rank.laterWinsTies()),
          input, outputType, StateSignature.of(rank));
    }
    if (node instanceof StreamPhysicalTemporalSort sort) {
      return job.operator(sort.planName(), new TemporalSortOperator(
          sort.tieBreakKeys().isEmpty() ? null : comparator(inputPlan, sort.tieBreakKeys()),
          input.type(), sort.timeIndex(), sort.timePrecision(), sort.isEventTime()),
          input, outputType, StateSignature.of(sort));
    }
    StreamPhysicalOverAggregate over = (StreamPhysicalOverAggregate) node;
    if (updating) {
      return updatingOver(over, inputPlan, input, outputType, ttl);
    }
    AggsHandlerCodeGenerator.Generated handler;
    try {
      // A bounded frame takes rows back as they leave it.
      handler = AggsHandlerCodeGenerator.generate(inputPlan.getRowType(), new int[0],
          over.calls(), !over.spec().unbounded(), "Over" + (++generated));
    } catch (UnsupportedExpressionException e) {
      throw new ValidationException(e.getMessage());
    }
    return job.operator("OverAggregate", new OverAggOperator(handler.handler(),
        handler.accumulatorType(), input.type(), over.spec(), ttl), input, outputType,
        StateSignature.of(over, handler.accumulatorType()));
  }

  /**
   * An OVER aggregation over an updating input: frames are computed afresh, so the functions need
   * not retract; rows are ordered by the ORDER BY keys, then by every other column that has an
   * order, so that rows that tie on the keys still have a place that does not depend on arrival.
   */
  private JobBuilder.Output updatingOver(StreamPhysicalOverAggregate over,
      StreamPhysicalRel inputPlan, JobBuilder.Output input, RowType outputType, long ttl) {
    AggsHandlerCodeGenerator.Generated handler;
    try {
      handler = AggsHandlerCodeGenerator.generate(inputPlan.getRowType(), new int[0],
          over.calls(), false, "UpdatingOver" + (++generated));
    } catch (UnsupportedExpressionException e) {
      throw new ValidationException(e.getMessage());
    }
    int inputFields = input.type().fieldCount();
    RowType valuesType = RowType.of(
        outputType.fieldNames().subList(inputFields, outputType.fieldCount()),
        outputType.fieldTypes().subList(inputFields, outputType.fieldCount()));
    List<RelFieldCollation> rowOrder = new java.util.ArrayList<>(over.orderKeys());
    java.util.Set<Integer> ordered = new java.util.HashSet<>();
    over.orderKeys().forEach(key -> ordered.add(key.getFieldIndex()));
    for (int field = 0; field < inputFields; field++) {
      RelFieldCollation tieBreak = new RelFieldCollation(field);
      if (!ordered.contains(field) && hasOrder(inputPlan, tieBreak)) {
        rowOrder.add(tieBreak);
      }
    }
    return job.operator("OverAggregate", new UpdatingOverAggOperator(handler.handler(),
        comparator(inputPlan, over.orderKeys()), comparator(inputPlan, rowOrder),
        input.type(), valuesType, over.spec(), !plans.dropsUpdateBefore(over), ttl),
        input, outputType, StateSignature.of(over, handler.accumulatorType()));
  }

  /** Whether the column of {@code key} has an order comparators can generate. */
  private static boolean hasOrder(StreamPhysicalRel input, RelFieldCollation key) {
    try {
      ComparatorCodeGenerator.generate(input.getRowType(), List.of(key), "Probe");
      return true;
    } catch (UnsupportedExpressionException e) {
      return false;
    }
  }

  private void requireInsertOnly(StreamPhysicalRel node, StreamPhysicalRel input) {
    ChangelogModes modes = ChangelogModes.infer(input, sourceModes);
    if (modes.of(input).containsOnly(RowKind.INSERT)) {
      return;
    }
    StreamPhysicalRel origin = modes.originOfChanges(input);
    throw new ValidationException(node.planName() + " over an updating input is not supported yet;"
        + " its input updates rows"
        + (origin == null ? "" : ", coming from " + origin.planName()));
  }

  private GeneratedClass<RecordComparator> comparator(
      StreamPhysicalRel input, List<RelFieldCollation> keys) {
    try {
      return ComparatorCodeGenerator.generate(input.getRowType(), keys, "Rank" + (++generated));
    } catch (UnsupportedExpressionException e) {
      throw new ValidationException(e.getMessage());
    }
  }

}
