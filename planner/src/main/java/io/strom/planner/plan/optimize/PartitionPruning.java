package io.strom.planner.plan.optimize;

import io.strom.api.functions.FunctionContext;
import io.strom.codegen.CalcCodeGenerator;
import io.strom.connector.ConnectorException;
import io.strom.connector.RowCopier;
import io.strom.connector.SupportsPartitionPushDown;
import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.planner.calcite.PlannerTypes;
import io.strom.planner.plan.physical.StreamPhysicalCalc;
import io.strom.planner.plan.physical.StreamPhysicalRel;
import io.strom.planner.plan.physical.StreamPhysicalTableSourceScan;
import io.strom.runtime.generated.CalcFunction;
import io.strom.types.LogicalType;
import io.strom.types.RowType;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexProgramBuilder;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Partition pruning: a {@code Calc} whose condition constrains partition columns, directly over
 * the scan of a partitioned table whose connector can skip partitions, makes the scan read only the
 * partitions that condition may accept. The conjuncts on partition columns alone are evaluated
 * here, on each listed partition's values, by the same generated code as at run time; the whole
 * condition still filters the rows read. Runs after projection push-down, on its output.
 */
public final class PartitionPruning {
  private PartitionPruning() {}

  /** What the pass needs from the session. */
  public record Context(
      Function<StreamPhysicalTableSourceScan, Object> source,
      PlannerTypes types,
      ClassLoader classLoader,
      ZoneId timeZone) {}

  public static StreamPhysicalRel apply(StreamPhysicalRel node, Context context) {
    List<RelNode> inputs = new ArrayList<>();
    for (RelNode input : node.getInputs()) {
      inputs.add(apply((StreamPhysicalRel) input, context));
    }
    StreamPhysicalRel rewritten =
        inputs.equals(node.getInputs())
            ? node
            : (StreamPhysicalRel) node.copy(node.getTraitSet(), inputs);
    if (rewritten instanceof StreamPhysicalCalc calc
        && calc.getInput() instanceof StreamPhysicalTableSourceScan scan
        && calc.getProgram().getCondition() != null
        && !scan.source().table().partitionKeys().isEmpty()
        && scan.source().partitions() == null) {
      return prune(calc, scan, context);
    }
    return rewritten;
  }

  private static StreamPhysicalRel prune(
      StreamPhysicalCalc calc, StreamPhysicalTableSourceScan scan, Context context) {
    int[] partitionFieldOfKey = partitionFields(scan);
    ImmutableBitSet partitionFields = ImmutableBitSet.of(
        java.util.Arrays.stream(partitionFieldOfKey).filter(f -> f >= 0).toArray());
    RexProgram program = calc.getProgram();
    List<RexNode> onPartitions = new ArrayList<>();
    for (RexNode conjunct : RelOptUtil.conjunctions(program.expandLocalRef(program.getCondition()))) {
      ImmutableBitSet used = RelOptUtil.InputFinder.bits(conjunct);
      if (!used.isEmpty() && partitionFields.contains(used) && RexUtil.isDeterministic(conjunct)) {
        onPartitions.add(conjunct);
      }
    }
    if (onPartitions.isEmpty()
        || !(context.source().apply(scan) instanceof SupportsPartitionPushDown source)) {
      return calc;
    }
    List<Row> partitions;
    try {
      partitions = source.listPartitions();
    } catch (ConnectorException | java.io.UncheckedIOException e) {
      // No listing (e.g. the directory does not exist yet): the scan reports it when it runs.
      return calc;
    }
    List<Row> kept = accepted(scan, onPartitions, partitionFieldOfKey, partitions, context);
    if (kept.size() == partitions.size()) {
      return calc;
    }
    return new StreamPhysicalCalc(
        calc.getCluster(), calc.getTraitSet(), scan.withPartitions(kept), program);
  }

  /** For each partition key, its position among the scan's fields, or -1 when not read. */
  private static int[] partitionFields(StreamPhysicalTableSourceScan scan) {
    List<String> keys = scan.source().table().partitionKeys();
    RowType physical = scan.source().table().schema().physicalRowType();
    int[] projection = scan.projection();
    int[] result = new int[keys.size()];
    for (int k = 0; k < keys.size(); k++) {
      int physicalField = physical.fieldIndex(keys.get(k));
      result[k] = -1;
      int read = projection == null ? physical.fieldCount() : projection.length;
      for (int i = 0; i < read; i++) {
        if ((projection == null ? i : projection[i]) == physicalField) {
          result[k] = i;
        }
      }
    }
    return result;
  }

  /** The partitions the conjuncts accept, evaluated on rows holding only partition values. */
  private static List<Row> accepted(
      StreamPhysicalTableSourceScan scan,
      List<RexNode> conjuncts,
      int[] partitionFieldOfKey,
      List<Row> partitions,
      Context context) {
    RexBuilder rex = scan.getCluster().getRexBuilder();
    RexProgramBuilder builder = new RexProgramBuilder(scan.getRowType(), rex);
    builder.addCondition(RexUtil.composeConjunction(rex, conjuncts));
    builder.addProject(rex.makeLiteral(true), "accepted");
    RexProgram program = builder.getProgram();
    RowType scanType = context.types().toRowType(scan.getRowType());
    CalcFunction predicate = CalcCodeGenerator.generate(
            program, scanType, context.types().toRowType(program.getOutputRowType()),
            "PartitionPruner")
        .newInstance(context.classLoader());
    List<LogicalType> keyTypes = new ArrayList<>();
    List<Integer> sources = new ArrayList<>();
    List<Integer> targets = new ArrayList<>();
    RowType physical = scan.source().table().schema().physicalRowType();
    for (int k = 0; k < partitionFieldOfKey.length; k++) {
      keyTypes.add(physical.typeAt(physical.fieldIndex(scan.source().table().partitionKeys().get(k))));
      if (partitionFieldOfKey[k] >= 0) {
        sources.add(k);
        targets.add(partitionFieldOfKey[k]);
      }
    }
    RowCopier copier = new RowCopier(keyTypes,
        sources.stream().mapToInt(Integer::intValue).toArray(),
        targets.stream().mapToInt(Integer::intValue).toArray());
    List<Row> kept = new ArrayList<>();
    try {
      predicate.open(new FunctionContext(context.timeZone(), Map.of(), context.classLoader()));
      for (Row partition : partitions) {
        GenericRow input = new GenericRow(scanType.fieldCount());
        for (int i = 0; i < scanType.fieldCount(); i++) {
          input.setNullAt(i);
        }
        copier.copy(partition, input);
        if (acceptsOrFails(predicate, input)) {
          kept.add(partition);
        }
      }
      predicate.close();
    } catch (Exception e) {
      // The condition cannot be evaluated up front: read every partition, filter as usual.
      return partitions;
    }
    return kept;
  }

  /** Whether the condition accepts the row; a row it fails on is kept, the scan decides. */
  private static boolean acceptsOrFails(CalcFunction predicate, Row input) {
    try {
      return predicate.apply(input) != null;
    } catch (Exception e) {
      return true;
    }
  }
}
