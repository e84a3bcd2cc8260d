package io.strom.planner.plan.optimize;

import io.strom.codegen.expr.JavaTypes;
import io.strom.codegen.functions.InternalFunctions;
import io.strom.configuration.Configuration;
import io.strom.planner.config.TableConfigOptions;
import io.strom.planner.plan.physical.StreamPhysicalCalc;
import io.strom.planner.plan.physical.StreamPhysicalExchange;
import io.strom.planner.plan.physical.StreamPhysicalExpand;
import io.strom.planner.plan.physical.StreamPhysicalGroupAggregate;
import io.strom.planner.plan.physical.StreamPhysicalGroupAggregate.PartialFinal;
import io.strom.planner.plan.physical.StreamPhysicalRel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgramBuilder;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The split of distinct aggregations, as Flink's {@code table.optimizer.distinct-agg.split.enabled}:
 * a group aggregation with distinct calls ({@code COUNT}, {@code SUM} or {@code AVG} of {@code
 * DISTINCT x}) is computed in two levels, so a key with many distinct values spreads its
 * distinct-value state over subtasks.
 *
 * <pre>
 * GroupAggregate(groupBy=[k], partialFinalType=[FINAL], select=[k, $SUM0($f2_0) AS n])
 * +- Exchange(hash[k])
 *    +- GroupAggregate(groupBy=[k, $f2], partialFinalType=[PARTIAL], select=[k, $f2, COUNT(DISTINCT x) AS $f2_0])
 *       +- Exchange(hash[k, $f2])
 *          +- Calc(select=[k, x, MOD(HASH_CODE(x), 1024) AS $f2])
 * </pre>
 *
 * The partial level groups by the keys and the bucket {@code MOD(HASH_CODE(x), bucket-num)}, so
 * equal values meet in one bucket and each bucket's distinct count is exact; the final level
 * combines the buckets' results over the partial level's updates (see {@link
 * SplitAggregateCalls}). Distinct calls of several columns give each column its own bucket: an
 * Expand sends every row once per distinct column, with that column's bucket set and the others
 * NULL, and each partial call counts only the copies of its own column (its filter); the other
 * calls (COUNT, SUM, MIN, MAX, AVG) go with the first column's copy. Aggregations with other
 * functions stay as they are, with the same results. Runs on the physical plan before {@link
 * TwoPhaseAggregation}.
 */
public final class DistinctAggSplit {
  private DistinctAggSplit() {}

  /** Java types whose values {@code HASH_CODE} hashes by content. */
  private static final Set<String> HASHABLE = Set.of(
      "boolean", "byte", "short", "int", "long", "float", "double", "byte[]",
      JavaTypes.STRING, JavaTypes.DECIMAL, JavaTypes.TIMESTAMP);
  private static final Set<SqlKind> SPLITTABLE_DISTINCT = Set.of(SqlKind.COUNT, SqlKind.SUM, SqlKind.AVG);
  private static final Set<SqlKind> COMBINABLE = Set.of(
      SqlKind.COUNT, SqlKind.SUM, SqlKind.SUM0, SqlKind.MIN, SqlKind.MAX, SqlKind.AVG);

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
      List<Integer> distinctColumns = distinctColumns(aggregate, exchange.getInput().getRowType());
      if (!distinctColumns.isEmpty()) {
        return new Plan(aggregate, (StreamPhysicalRel) exchange.getInput(),
            distinctColumns, buckets).build();
      }
    }
    return rewritten;
  }

  /**
   * The columns the distinct calls aggregate, in order of first use, when the split applies; else
   * none.
   */
  private static List<Integer> distinctColumns(StreamPhysicalGroupAggregate aggregate, RelDataType input) {
    List<Integer> columns = new ArrayList<>();
    for (AggregateCall call : aggregate.calls()) {
      SqlKind kind = call.getAggregation().getKind();
      if (!call.isDistinct()) {
        if (!COMBINABLE.contains(kind)) {
          return List.of();
        }
        continue;
      }
      if (!SPLITTABLE_DISTINCT.contains(kind) || call.getArgList().size() != 1) {
        return List.of();
      }
      int column = call.getArgList().get(0);
      if (!HASHABLE.contains(JavaTypes.of(input.getFieldList().get(column).getType()))) {
        return List.of();
      }
      if (!columns.contains(column)) {
        columns.add(column);
      }
    }
    return columns;
  }

  /** The nodes replacing one aggregation, built bottom up. */
  private static final class Plan {
    private final StreamPhysicalGroupAggregate aggregate;
    private final StreamPhysicalRel input;
    private final List<Integer> distinctColumns;
    private final int buckets;
    private final RexBuilder rex;
    private final RelDataTypeFactory types;
    /** The first bucket field: the buckets follow the input's fields. */
    private final int firstBucket;

    Plan(StreamPhysicalGroupAggregate aggregate, StreamPhysicalRel input,
        List<Integer> distinctColumns, int buckets) {
      this.aggregate = aggregate;
      this.input = input;
      this.distinctColumns = distinctColumns;
      this.buckets = buckets;
      this.rex = aggregate.getCluster().getRexBuilder();
      this.types = aggregate.getCluster().getTypeFactory();
      this.firstBucket = input.getRowType().getFieldCount();
    }

    StreamPhysicalRel build() {
      StreamPhysicalCalc withBuckets = withBuckets();
      StreamPhysicalRel partialInput;
      SplitAggregateCalls.Filters filters;
      if (distinctColumns.size() == 1) {
        partialInput = withBuckets;
        filters = (call, filter) -> filter;
      } else {
        CopyPerColumn copies = new CopyPerColumn(withBuckets);
        partialInput = copies.expand();
        filters = copies::filterOf;
      }
      int[] grouping = aggregate.grouping();
      int[] partialGrouping = java.util.Arrays.copyOf(grouping, grouping.length + distinctColumns.size());
      for (int j = 0; j < distinctColumns.size(); j++) {
        partialGrouping[grouping.length + j] = firstBucket + j;
      }
      SplitAggregateCalls calls = new SplitAggregateCalls(aggregate.calls(),
          partialInput.getRowType(), types, filters, partialGrouping.length, "$f" + firstBucket);
      StreamPhysicalGroupAggregate partial = aggregate(partialInput, partialGrouping,
          calls.partialCalls(), PartialFinal.PARTIAL, null);

      int[] finalGrouping = new int[grouping.length];
      for (int i = 0; i < finalGrouping.length; i++) {
        finalGrouping[i] = i;
      }
      StreamPhysicalGroupAggregate last = aggregate(partial, finalGrouping, calls.finalCalls(),
          PartialFinal.FINAL, calls.finalRowIsResult() ? aggregate.getRowType() : null);
      return calls.finalRowIsResult() ? last : results(last, calls);
    }

    private RexNode field(RelDataType row, int index) {
      return SplitAggregateCalls.field(rex, row, index);
    }

    /** The input's fields and the bucket of each distinct column, in one calc with the input's. */
    private StreamPhysicalCalc withBuckets() {
      RelDataType inputType = input.getRowType();
      RexProgramBuilder program = new RexProgramBuilder(inputType, rex);
      for (RelDataTypeField field : inputType.getFieldList()) {
        program.addProject(rex.makeInputRef(field.getType(), field.getIndex()), field.getName());
      }
      for (int j = 0; j < distinctColumns.size(); j++) {
        RexNode value = field(inputType, distinctColumns.get(j));
        program.addProject(rex.makeCall(SqlStdOperatorTable.MOD,
            rex.makeCall(InternalFunctions.HASH_CODE, value),
            rex.makeExactLiteral(java.math.BigDecimal.valueOf(buckets))), "$f" + (firstBucket + j));
      }
      return input instanceof StreamPhysicalCalc calc
          // One calc, as the planner keeps stateless steps fused.
          ? new StreamPhysicalCalc(aggregate.getCluster(), calc.getTraitSet(), calc.getInput(),
              RexProgramBuilder.mergePrograms(program.getProgram(), calc.getProgram(), rex))
          : new StreamPhysicalCalc(
              aggregate.getCluster(), input.getTraitSet(), input, program.getProgram());
    }

    /** A group aggregation of {@code from} exchanged by {@code grouping}. */
    private StreamPhysicalGroupAggregate aggregate(StreamPhysicalRel from, int[] grouping,
        List<AggregateCall> calls, PartialFinal level, RelDataType rowType) {
      if (rowType == null) {
        RelDataTypeFactory.Builder fields = types.builder();
        for (int key : grouping) {
          fields.add(from.getRowType().getFieldList().get(key));
        }
        for (AggregateCall call : calls) {
          fields.add(call.getName(), call.getType());
        }
        rowType = fields.build();
      }
      StreamPhysicalExchange exchange = new StreamPhysicalExchange(
          aggregate.getCluster(), aggregate.getInput().getTraitSet(), from, grouping);
      return new StreamPhysicalGroupAggregate(aggregate.getCluster(), aggregate.getTraitSet(),
          exchange, grouping, calls, rowType, level);
    }

    /** The original row from the final one: its keys, and each call's result. */
    private StreamPhysicalCalc results(StreamPhysicalGroupAggregate last, SplitAggregateCalls calls) {
      RelDataType finalRow = last.getRowType();
      int keyCount = aggregate.grouping().length;
      RexProgramBuilder program = new RexProgramBuilder(finalRow, rex);
      List<RelDataTypeField> outputs = aggregate.getRowType().getFieldList();
      for (int i = 0; i < keyCount; i++) {
        program.addProject(field(finalRow, i), outputs.get(i).getName());
      }
      for (int i = 0; i < aggregate.calls().size(); i++) {
        program.addProject(calls.result(rex, i, keyCount, finalRow), outputs.get(keyCount + i).getName());
      }
      return new StreamPhysicalCalc(
          aggregate.getCluster(), last.getTraitSet(), last, program.getProgram());
    }

    /**
     * The Expand that sends each row once per distinct column: copy j keeps bucket j, NULLs the
     * other buckets, and sets the flags of the calls that count in it.
     */
    private final class CopyPerColumn {
      private final StreamPhysicalCalc withBuckets;
      /** Per flag field after the copy id: the copy it is set in, and the filter it also needs. */
      private final List<int[]> flags = new ArrayList<>();

      CopyPerColumn(StreamPhysicalCalc withBuckets) {
        this.withBuckets = withBuckets;
      }

      private int copyIdField() {
        return firstBucket + distinctColumns.size();
      }

      /** The flag field call {@code call} (with filter {@code filter}, or -1) filters by. */
      int filterOf(int call, int filter) {
        AggregateCall original = aggregate.calls().get(call);
        int copy = original.isDistinct() ? distinctColumns.indexOf(original.getArgList().get(0)) : 0;
        for (int f = 0; f < flags.size(); f++) {
          if (flags.get(f)[0] == copy && flags.get(f)[1] == filter) {
            return copyIdField() + 1 + f;
          }
        }
        throw new IllegalStateException("Bug: no flag for copy " + copy + " and filter " + filter);
      }

      StreamPhysicalExpand expand() {
        for (AggregateCall call : aggregate.calls()) {
          int copy = call.isDistinct() ? distinctColumns.indexOf(call.getArgList().get(0)) : 0;
          int[] flag = {copy, call.filterArg};
          if (flags.stream().noneMatch(f -> java.util.Arrays.equals(f, flag))) {
            flags.add(flag);
          }
        }
        RelDataType in = withBuckets.getRowType();
        RelDataTypeFactory.Builder row = types.builder();
        for (RelDataTypeField field : in.getFieldList()) {
          row.add(field.getName(), field.getIndex() >= firstBucket
              ? types.createTypeWithNullability(field.getType(), true) : field.getType());
        }
        row.add("$e", types.createSqlType(SqlTypeName.INTEGER));
        for (int[] flag : flags) {
          row.add("$g_" + flag[0] + (flag[1] < 0 ? "" : "_" + flag[1]),
              types.createSqlType(SqlTypeName.BOOLEAN));
        }
        RelDataType rowType = row.build();
        List<List<RexNode>> projections = new ArrayList<>();
        for (int copy = 0; copy < distinctColumns.size(); copy++) {
          projections.add(projection(in, rowType, copy));
        }
        return new StreamPhysicalExpand(aggregate.getCluster(), withBuckets.getTraitSet(),
            withBuckets, projections, copyIdField(), rowType);
      }

      private List<RexNode> projection(RelDataType in, RelDataType out, int copy) {
        List<RexNode> projection = new ArrayList<>();
        for (int i = 0; i < in.getFieldCount(); i++) {
          boolean otherBucket = i >= firstBucket && i != firstBucket + copy;
          RelDataType type = out.getFieldList().get(i).getType();
          projection.add(otherBucket
              ? rex.makeNullLiteral(type)
              : field(in, i));
        }
        projection.add(rex.makeExactLiteral(java.math.BigDecimal.valueOf(copy),
            types.createSqlType(SqlTypeName.INTEGER)));
        for (int[] flag : flags) {
          projection.add(flag[0] != copy ? rex.makeLiteral(false)
              : flag[1] < 0 ? rex.makeLiteral(true) : field(in, flag[1]));
        }
        return projection;
      }
    }
  }
}
