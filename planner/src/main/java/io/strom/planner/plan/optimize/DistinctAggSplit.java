package io.strom.planner.plan.optimize;

import io.strom.codegen.expr.JavaTypes;
import io.strom.codegen.functions.InternalFunctions;
import io.strom.configuration.Configuration;
import io.strom.planner.config.TableConfigOptions;
import io.strom.planner.plan.physical.StreamPhysicalCalc;
import io.strom.planner.plan.physical.StreamPhysicalExchange;
import io.strom.planner.plan.physical.StreamPhysicalGroupAggregate;
import io.strom.planner.plan.physical.StreamPhysicalGroupAggregate.PartialFinal;
import io.strom.planner.plan.physical.StreamPhysicalRel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgramBuilder;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/**
 * The split of distinct aggregations, as Flink's {@code table.optimizer.distinct-agg.split.enabled}:
 * a group aggregation with {@code COUNT(DISTINCT x)} or {@code SUM(DISTINCT x)} is computed in two
 * levels, so a key with many distinct values spreads its distinct-value state over subtasks.
 *
 * <pre>
 * GroupAggregate(groupBy=[k], partialFinalType=[FINAL], select=[k, $SUM0($f2) AS n])
 * +- Exchange(hash[k])
 *    +- GroupAggregate(groupBy=[k, $f2], partialFinalType=[PARTIAL], select=[k, $f2, COUNT(DISTINCT x) AS $f2_0])
 *       +- Exchange(hash[k, $f2])
 *          +- Calc(select=[k, x, MOD(HASH_CODE(x), 1024) AS $f2])
 * </pre>
 *
 * The partial level groups by the keys and the bucket {@code MOD(HASH_CODE(x), bucket-num)}, so
 * equal values meet in one bucket and each bucket's distinct count is exact; the final level sums
 * the buckets' counts ({@code $SUM0}) or sums ({@code SUM}), and combines other functions as they
 * combine (COUNT by {@code $SUM0}, SUM by SUM, MIN by MIN, MAX by MAX) over the partial level's
 * updates. Applies when all distinct calls are COUNT or SUM of the same one column and the other
 * calls are COUNT, SUM, MIN or MAX; other aggregations stay as they are, with the same results.
 * Runs on the physical plan before {@link TwoPhaseAggregation}.
 */
public final class DistinctAggSplit {
  private DistinctAggSplit() {}

  /** Java types whose values {@code HASH_CODE} hashes by content. */
  private static final Set<String> HASHABLE = Set.of(
      "boolean", "byte", "short", "int", "long", "float", "double", "byte[]",
      JavaTypes.STRING, JavaTypes.DECIMAL, JavaTypes.TIMESTAMP);

  public static StreamPhysicalRel apply(StreamPhysicalRel node, Configuration settings) {
    if (!settings.get(TableConfigOptions.DISTINCT_AGG_SPLIT_ENABLED)) {
      return node;
    }
    int buckets = settings.get(TableConfigOptions.DISTINCT_AGG_SPLIT_BUCKET_NUM);
    if (buckets <= 0) {
      throw new io.strom.planner.ValidationException("'"
          + TableConfigOptions.DISTINCT_AGG_SPLIT_BUCKET_NUM.key() + "' must be positive, got "
          + buckets);
    }
    return rewrite(node, buckets);
  }

  private static StreamPhysicalRel rewrite(StreamPhysicalRel node, int buckets) {
    List<RelNode> inputs = new ArrayList<>();
    for (RelNode input : node.getInputs()) {
      inputs.add(rewrite((StreamPhysicalRel) input, buckets));
    }
    StreamPhysicalRel rewritten = inputs.equals(node.getInputs())
        ? node
        : (StreamPhysicalRel) node.copy(node.getTraitSet(), inputs);
    if (rewritten instanceof StreamPhysicalGroupAggregate aggregate
        && aggregate.partialFinal() == PartialFinal.NONE
        && aggregate.getInput() instanceof StreamPhysicalExchange exchange) {
      int distinctField = splittableDistinctField(aggregate, exchange.getInput().getRowType());
      if (distinctField >= 0) {
        return split(aggregate, (StreamPhysicalRel) exchange.getInput(), distinctField, buckets);
      }
    }
    return rewritten;
  }

  /** The one field all distinct calls aggregate, when the split applies; else -1. */
  private static int splittableDistinctField(StreamPhysicalGroupAggregate aggregate, RelDataType input) {
    int field = -1;
    for (AggregateCall call : aggregate.calls()) {
      SqlKind kind = call.getAggregation().getKind();
      if (call.isDistinct()) {
        if ((kind != SqlKind.COUNT && kind != SqlKind.SUM) || call.getArgList().size() != 1
            || (field >= 0 && field != call.getArgList().get(0))) {
          return -1;
        }
        field = call.getArgList().get(0);
      } else if (kind != SqlKind.COUNT && kind != SqlKind.SUM && kind != SqlKind.SUM0
          && kind != SqlKind.MIN && kind != SqlKind.MAX) {
        return -1;
      }
    }
    if (field < 0 || !HASHABLE.contains(JavaTypes.of(input.getFieldList().get(field).getType()))) {
      return -1;
    }
    return field;
  }

  private static StreamPhysicalRel split(
      StreamPhysicalGroupAggregate aggregate, StreamPhysicalRel input, int distinctField, int buckets) {
    RexBuilder rex = aggregate.getCluster().getRexBuilder();
    RelDataTypeFactory types = aggregate.getCluster().getTypeFactory();
    RelDataType inputType = input.getRowType();
    int bucketField = inputType.getFieldCount();

    // The input's fields and the bucket of the distinct value.
    RexProgramBuilder program = new RexProgramBuilder(inputType, rex);
    for (RelDataTypeField field : inputType.getFieldList()) {
      program.addProject(rex.makeInputRef(field.getType(), field.getIndex()), field.getName());
    }
    RexNode value = rex.makeInputRef(inputType.getFieldList().get(distinctField).getType(), distinctField);
    RexNode bucket = rex.makeCall(SqlStdOperatorTable.MOD,
        rex.makeCall(InternalFunctions.HASH_CODE, value),
        rex.makeExactLiteral(java.math.BigDecimal.valueOf(buckets)));
    String bucketName = "$f" + bucketField;
    program.addProject(bucket, bucketName);
    StreamPhysicalCalc withBucket = input instanceof StreamPhysicalCalc calc
        // One calc, as the planner keeps stateless steps fused.
        ? new StreamPhysicalCalc(aggregate.getCluster(), calc.getTraitSet(), calc.getInput(),
            RexProgramBuilder.mergePrograms(program.getProgram(), calc.getProgram(), rex))
        : new StreamPhysicalCalc(
            aggregate.getCluster(), input.getTraitSet(), input, program.getProgram());

    // Partial: grouped by the keys and the bucket, the original calls.
    int[] grouping = aggregate.grouping();
    int[] partialGrouping = java.util.Arrays.copyOf(grouping, grouping.length + 1);
    partialGrouping[grouping.length] = bucketField;
    RelDataTypeFactory.Builder partialType = types.builder();
    for (int key : partialGrouping) {
      partialType.add(withBucket.getRowType().getFieldList().get(key));
    }
    List<AggregateCall> calls = aggregate.calls();
    for (int i = 0; i < calls.size(); i++) {
      partialType.add(bucketName + "_" + i, calls.get(i).getType());
    }
    StreamPhysicalExchange byKeyAndBucket = new StreamPhysicalExchange(
        aggregate.getCluster(), aggregate.getInput().getTraitSet(), withBucket, partialGrouping);
    StreamPhysicalGroupAggregate partial = new StreamPhysicalGroupAggregate(
        aggregate.getCluster(), aggregate.getTraitSet(), byKeyAndBucket, partialGrouping, calls,
        partialType.build(), PartialFinal.PARTIAL);

    // Final: grouped by the keys, each partial result combined.
    int[] finalGrouping = new int[grouping.length];
    for (int i = 0; i < finalGrouping.length; i++) {
      finalGrouping[i] = i;
    }
    List<AggregateCall> finalCalls = new ArrayList<>();
    for (int i = 0; i < calls.size(); i++) {
      AggregateCall call = calls.get(i);
      finalCalls.add(AggregateCall.create(combining(call), false, false, false, List.of(),
          List.of(partialGrouping.length + i), -1, null, RelCollations.EMPTY, call.getType(),
          call.getName()));
    }
    StreamPhysicalExchange byKey = new StreamPhysicalExchange(
        aggregate.getCluster(), aggregate.getInput().getTraitSet(), partial, finalGrouping);
    return new StreamPhysicalGroupAggregate(
        aggregate.getCluster(), aggregate.getTraitSet(), byKey, finalGrouping, finalCalls,
        aggregate.getRowType(), PartialFinal.FINAL);
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
