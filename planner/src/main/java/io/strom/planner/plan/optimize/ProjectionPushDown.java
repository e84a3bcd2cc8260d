package io.strom.planner.plan.optimize;

import io.strom.planner.plan.physical.StreamPhysicalCalc;
import io.strom.planner.plan.physical.StreamPhysicalRel;
import io.strom.planner.plan.physical.StreamPhysicalTableSourceScan;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLocalRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexPermuteInputsShuttle;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexProgramBuilder;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.mapping.Mapping;
import org.apache.calcite.util.mapping.MappingType;
import org.apache.calcite.util.mapping.Mappings;

/**
 * Lets a source read only the columns a query uses: a {@code Calc} directly over a scan whose
 * connector accepts projections gets a scan of just the fields it reads, and its expressions are
 * renumbered to match. Formats then skip the other fields (JSON and CSV decode less).
 */
public final class ProjectionPushDown {
  private ProjectionPushDown() {}

  /**
   * @param acceptsProjection whether the connector of a scan's table can read a subset of fields
   */
  public static StreamPhysicalRel apply(
      StreamPhysicalRel node, Predicate<StreamPhysicalTableSourceScan> acceptsProjection) {
    List<RelNode> inputs = new ArrayList<>();
    for (RelNode input : node.getInputs()) {
      inputs.add(apply((StreamPhysicalRel) input, acceptsProjection));
    }
    StreamPhysicalRel rewritten =
        inputs.equals(node.getInputs())
            ? node
            : (StreamPhysicalRel) node.copy(node.getTraitSet(), inputs);
    if (rewritten instanceof StreamPhysicalCalc calc
        && calc.getInput() instanceof StreamPhysicalTableSourceScan scan
        && scan.projection() == null
        && acceptsProjection.test(scan)) {
      return pushInto(calc, scan);
    }
    return rewritten;
  }

  private static StreamPhysicalRel pushInto(StreamPhysicalCalc calc, StreamPhysicalTableSourceScan scan) {
    RexProgram program = calc.getProgram();
    List<RexNode> projects = new ArrayList<>();
    for (RexLocalRef ref : program.getProjectList()) {
      projects.add(program.expandLocalRef(ref));
    }
    RexNode condition =
        program.getCondition() == null ? null : program.expandLocalRef(program.getCondition());
    ImmutableBitSet.Builder used = ImmutableBitSet.builder();
    projects.forEach(p -> used.addAll(RelOptUtil.InputFinder.bits(p)));
    if (condition != null) {
      used.addAll(RelOptUtil.InputFinder.bits(condition));
    }
    int[] fields = used.build().toArray();
    int all = scan.getRowType().getFieldCount();
    if (fields.length == all) {
      return calc;
    }
    if (fields.length == 0) {
      // A connector cannot produce rows of no columns; read the first one and ignore it.
      fields = new int[] {0};
    }
    StreamPhysicalTableSourceScan narrow = scan.withProjection(fields);
    Mapping mapping = Mappings.create(MappingType.INVERSE_SURJECTION, all, fields.length);
    for (int i = 0; i < fields.length; i++) {
      mapping.set(fields[i], i);
    }
    RexPermuteInputsShuttle shuttle = RexPermuteInputsShuttle.of(mapping);
    RexBuilder rex = calc.getCluster().getRexBuilder();
    RexProgramBuilder builder = new RexProgramBuilder(narrow.getRowType(), rex);
    List<String> names = program.getOutputRowType().getFieldNames();
    for (int i = 0; i < projects.size(); i++) {
      builder.addProject(projects.get(i).accept(shuttle), names.get(i));
    }
    if (condition != null) {
      builder.addCondition(condition.accept(shuttle));
    }
    return new StreamPhysicalCalc(calc.getCluster(), calc.getTraitSet(), narrow, builder.getProgram());
  }
}
