package io.strom.planner.plan.optimize;

import io.strom.connector.ScanTableSource;
import io.strom.connector.SupportsFilterPushDown;
import io.strom.connector.expressions.ResolvedExpression;
import io.strom.planner.calcite.PlannerTypes;
import io.strom.planner.plan.physical.StreamPhysicalCalc;
import io.strom.planner.plan.physical.StreamPhysicalRel;
import io.strom.planner.plan.physical.StreamPhysicalTableSourceScan;
import io.strom.planner.plan.physical.StreamPhysicalWatermarkAssigner;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLocalRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexProgramBuilder;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;

/**
 * Filter push-down: the conjuncts of a {@code Calc}'s condition over the scan of a source that is
 * {@link SupportsFilterPushDown} are offered to it, in the connectors' expression form; those it
 * applies leave the {@code Calc}, the rest stay. The filter may sit directly over the scan, or, for
 * sources that allow it, over the table's watermark assigner and the projection computing its
 * computed columns, when the conjunct reads only columns passed through from the scan. Runs after
 * projection push-down and partition pruning, on their output, so it offers fields of the scan as
 * it is then read.
 */
public final class FilterPushDown {
  private FilterPushDown() {}

  /** What the pass needs from the session. */
  public record Context(
      Function<StreamPhysicalTableSourceScan, ScanTableSource> source, PlannerTypes types) {}

  public static StreamPhysicalRel apply(StreamPhysicalRel node, Context context) {
    List<RelNode> inputs = new ArrayList<>();
    for (RelNode input : node.getInputs()) {
      inputs.add(apply((StreamPhysicalRel) input, context));
    }
    StreamPhysicalRel rewritten =
        inputs.equals(node.getInputs())
            ? node
            : (StreamPhysicalRel) node.copy(node.getTraitSet(), inputs);
    if (rewritten instanceof StreamPhysicalCalc calc && calc.getProgram().getCondition() != null) {
      return pushDown(calc, context);
    }
    return rewritten;
  }

  /** The path from the filtering calc down to the scan: an assigner and its projection, maybe. */
  private record Path(
      StreamPhysicalTableSourceScan scan,
      StreamPhysicalWatermarkAssigner assigner,
      StreamPhysicalCalc projection) {}

  private static Path path(StreamPhysicalCalc calc) {
    RelNode input = calc.getInput();
    if (input instanceof StreamPhysicalTableSourceScan scan) {
      return new Path(scan, null, null);
    }
    if (!(input instanceof StreamPhysicalWatermarkAssigner assigner)) {
      return null;
    }
    if (assigner.getInput() instanceof StreamPhysicalTableSourceScan scan) {
      return new Path(scan, assigner, null);
    }
    if (assigner.getInput() instanceof StreamPhysicalCalc projection
        && projection.getProgram().getCondition() == null
        && projection.getInput() instanceof StreamPhysicalTableSourceScan scan) {
      return new Path(scan, assigner, projection);
    }
    return null;
  }

  private static StreamPhysicalRel pushDown(StreamPhysicalCalc calc, Context context) {
    Path path = path(calc);
    if (path == null || path.scan().source().filters() != null) {
      return calc;
    }
    ScanTableSource scanned = context.source().apply(path.scan());
    if (!(scanned instanceof SupportsFilterPushDown source)
        || (path.assigner() != null && !source.acceptsFiltersBelowWatermark())
        // A source of changes is normalized after the scan; a filter there would drop deletes.
        || !scanned.changelogMode().containsOnly(io.strom.data.RowKind.INSERT)) {
      return calc;
    }
    RexProgram program = calc.getProgram();
    RexBuilder rex = calc.getCluster().getRexBuilder();
    FilterExpressions converter =
        new FilterExpressions(path.scan().getRowType(), context.types(), rex);
    List<RexNode> kept = new ArrayList<>();
    List<RexNode> offeredConjuncts = new ArrayList<>();
    List<ResolvedExpression> offered = new ArrayList<>();
    for (RexNode conjunct : RelOptUtil.conjunctions(program.expandLocalRef(program.getCondition()))) {
      RexNode onScan = RexUtil.isDeterministic(conjunct) ? onScan(conjunct, path) : null;
      ResolvedExpression expression = onScan == null ? null : converter.convert(onScan);
      if (expression == null) {
        kept.add(conjunct);
      } else {
        offeredConjuncts.add(conjunct);
        offered.add(expression);
      }
    }
    if (offered.isEmpty()) {
      return calc;
    }
    SupportsFilterPushDown.Result result = source.applyFilters(offered);
    List<ResolvedExpression> accepted = new ArrayList<>();
    for (int i = 0; i < offered.size(); i++) {
      ResolvedExpression expression = offered.get(i);
      if (result.accepted().contains(expression)) {
        accepted.add(expression);
      }
      if (!result.accepted().contains(expression) || result.remaining().contains(expression)) {
        kept.add(offeredConjuncts.get(i));
      }
    }
    if (accepted.isEmpty()) {
      return calc;
    }
    return rebuild(calc, path, accepted, RexUtil.composeConjunction(rex, kept, true));
  }

  /**
   * The conjunct over the scan's fields: as it is over a scan, or read through the projection
   * below the watermark assigner; null when it reads a column computed there.
   */
  private static RexNode onScan(RexNode conjunct, Path path) {
    if (path.projection() == null) {
      return conjunct;
    }
    RexProgram projection = path.projection().getProgram();
    List<RexLocalRef> projects = projection.getProjectList();
    boolean[] computed = {false};
    RexNode mapped = conjunct.accept(new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        RexNode source = projection.expandLocalRef(projects.get(ref.getIndex()));
        if (!(source instanceof RexInputRef)) {
          computed[0] = true;
          return ref;
        }
        return source;
      }
    });
    return computed[0] ? null : mapped;
  }

  /** The plan with the scan applying {@code accepted} and the calc filtering on {@code kept}. */
  private static StreamPhysicalRel rebuild(
      StreamPhysicalCalc calc, Path path, List<ResolvedExpression> accepted, RexNode kept) {
    RelNode input = path.scan().withFilters(accepted);
    if (path.projection() != null) {
      input = path.projection().copy(path.projection().getTraitSet(), List.of(input));
    }
    if (path.assigner() != null) {
      input = path.assigner().copy(path.assigner().getTraitSet(), List.of(input));
    }
    RexProgram program = calc.getProgram();
    RexProgramBuilder builder =
        new RexProgramBuilder(input.getRowType(), calc.getCluster().getRexBuilder());
    List<String> names = program.getOutputRowType().getFieldNames();
    List<RexLocalRef> projects = program.getProjectList();
    for (int i = 0; i < projects.size(); i++) {
      builder.addProject(program.expandLocalRef(projects.get(i)), names.get(i));
    }
    if (kept != null) {
      builder.addCondition(kept);
    }
    RexProgram remaining = builder.getProgram();
    if (remaining.isTrivial()
        && remaining.getOutputRowType().getFieldNames().equals(input.getRowType().getFieldNames())) {
      // Everything was pushed and the calc only passed its input on.
      return (StreamPhysicalRel) input;
    }
    return new StreamPhysicalCalc(calc.getCluster(), calc.getTraitSet(), input, remaining);
  }
}
