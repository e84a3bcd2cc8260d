package io.strom.planner.plan.optimize;

import io.strom.codegen.UnsupportedExpressionException;
import io.strom.codegen.agg.AggsHandlerCodeGenerator;
import io.strom.codegen.types.TypeConversions;
import io.strom.configuration.Configuration;
import io.strom.connector.ChangelogMode;
import io.strom.data.RowKind;
import io.strom.planner.config.MiniBatchConfig;
import io.strom.planner.config.TableConfigOptions;
import io.strom.planner.config.TableConfigOptions.AggPhaseStrategy;
import io.strom.planner.plan.physical.ChangelogModes;
import io.strom.planner.plan.physical.StreamPhysicalExchange;
import io.strom.planner.plan.physical.StreamPhysicalGlobalGroupAggregate;
import io.strom.planner.plan.physical.StreamPhysicalGroupAggregate;
import io.strom.planner.plan.physical.StreamPhysicalLocalGroupAggregate;
import io.strom.planner.plan.physical.StreamPhysicalRel;
import io.strom.planner.plan.physical.StreamPhysicalTableSourceScan;
import io.strom.types.RowType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;

/**
 * Local-global aggregation, as Flink's {@code table.optimizer.agg-phase-strategy}: a group
 * aggregation {@code GroupAggregate(Exchange(input))} becomes {@code
 * GlobalGroupAggregate(Exchange(LocalGroupAggregate(input)))}, so each subtask pre-aggregates a
 * mini-batch per key before the exchange and a hot key sends one partial row per subtask and batch
 * instead of every row.
 *
 * <p>Only with mini-batch on (the local phase needs batches) and not ONE_PHASE, and only where it
 * gives the same result: every function merges (COUNT, SUM, AVG, MIN, MAX, user-defined functions
 * that declare {@code merge}; over a retracting input COUNT, SUM and AVG, whose partial
 * accumulators carry a row count as Flink's do, while a retractable MIN or MAX keeps its values
 * in state and does not merge) and none is DISTINCT.
 * TWO_PHASE and AUTO behave alike here, as in Flink, where TWO_PHASE too falls back when the
 * functions cannot merge. Runs last among the physical passes, on the final plan.
 */
public final class TwoPhaseAggregation {
  private TwoPhaseAggregation() {}

  /**
   * Rewrites every group aggregation of {@code node} that qualifies; {@code sources} tells the
   * changes each scan produces.
   */
  public static StreamPhysicalRel apply(
      StreamPhysicalRel node,
      Configuration settings,
      Function<StreamPhysicalTableSourceScan, ChangelogMode> sources) {
    if (MiniBatchConfig.of(settings) == null
        || settings.get(TableConfigOptions.AGG_PHASE_STRATEGY) == AggPhaseStrategy.ONE_PHASE) {
      return node;
    }
    return rewrite(node, sources);
  }

  private static StreamPhysicalRel rewrite(
      StreamPhysicalRel node, Function<StreamPhysicalTableSourceScan, ChangelogMode> sources) {
    List<RelNode> inputs = new ArrayList<>();
    for (RelNode input : node.getInputs()) {
      inputs.add(rewrite((StreamPhysicalRel) input, sources));
    }
    StreamPhysicalRel rewritten = inputs.equals(node.getInputs())
        ? node
        : (StreamPhysicalRel) node.copy(node.getTraitSet(), inputs);
    if (rewritten instanceof StreamPhysicalGroupAggregate aggregate
        && aggregate.getInput() instanceof StreamPhysicalExchange exchange) {
      StreamPhysicalRel input = (StreamPhysicalRel) exchange.getInput();
      boolean retraction =
          !ChangelogModes.infer(input, sources).of(input).containsOnly(RowKind.INSERT);
      StreamPhysicalRel twoPhase = twoPhase(aggregate, exchange, input, retraction);
      if (twoPhase != null) {
        return twoPhase;
      }
    }
    return rewritten;
  }

  /** The two phases of {@code aggregate}, or null when its functions cannot merge. */
  private static StreamPhysicalRel twoPhase(
      StreamPhysicalGroupAggregate aggregate,
      StreamPhysicalExchange exchange,
      StreamPhysicalRel input,
      boolean retraction) {
    int[] grouping = aggregate.grouping();
    AggsHandlerCodeGenerator.Generated handler;
    try {
      handler = AggsHandlerCodeGenerator.generate(
          input.getRowType(), grouping, aggregate.calls(), retraction, "LocalGroupAgg");
    } catch (UnsupportedExpressionException e) {
      // Not something this pass decides: the plan stays one phase and its translation reports it.
      return null;
    }
    if (!handler.mergeable()) {
      return null;
    }
    RelDataType partialType = partialType(aggregate, input, grouping, handler);
    StreamPhysicalLocalGroupAggregate local = new StreamPhysicalLocalGroupAggregate(
        aggregate.getCluster(), aggregate.getTraitSet(), input, grouping, aggregate.calls(),
        handler.accumulatorNames(), retraction, partialType);
    int[] partialKeys = new int[grouping.length];
    for (int i = 0; i < partialKeys.length; i++) {
      partialKeys[i] = i;
    }
    StreamPhysicalExchange byKey = new StreamPhysicalExchange(
        exchange.getCluster(), exchange.getTraitSet(), local, partialKeys);
    return new StreamPhysicalGlobalGroupAggregate(
        aggregate.getCluster(), aggregate.getTraitSet(), byKey, input.getRowType(), grouping,
        aggregate.calls(), handler.accumulatorNames(), retraction, aggregate.getRowType());
  }

  /** The local phase's rows: the grouping fields, then every accumulator under its plan name. */
  private static RelDataType partialType(
      StreamPhysicalGroupAggregate aggregate,
      StreamPhysicalRel input,
      int[] grouping,
      AggsHandlerCodeGenerator.Generated handler) {
    RelDataTypeFactory factory = aggregate.getCluster().getTypeFactory();
    RelDataTypeFactory.Builder fields = factory.builder();
    for (int key : grouping) {
      fields.add(input.getRowType().getFieldList().get(key));
    }
    RowType accumulators = handler.accumulatorType();
    List<String> names = handler.accumulatorFieldNames();
    for (int i = 0; i < names.size(); i++) {
      fields.add(names.get(i), TypeConversions.toRelDataType(factory, accumulators.typeAt(i)));
    }
    return fields.build();
  }
}
