package io.strom.planner.plan.physical;

import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rex.RexLocalRef;
import org.apache.calcite.rex.RexProgram;

/** A filter fused with a projection, run by generated code in one operator. */
public final class StreamPhysicalCalc extends Calc implements StreamPhysicalRel {

  public StreamPhysicalCalc(
      RelOptCluster cluster, RelTraitSet traits, RelNode input, RexProgram program) {
    super(cluster, traits, List.of(), input, program);
  }

  @Override
  public Calc copy(RelTraitSet traitSet, RelNode child, RexProgram program) {
    return new StreamPhysicalCalc(getCluster(), traitSet, child, program);
  }

  @Override
  public String planName() {
    return "Calc";
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    RelWriter w = pw.input("input", getInput());
    RexProgram program = getProgram();
    List<String> names = program.getOutputRowType().getFieldNames();
    StringBuilder select = new StringBuilder();
    List<RexLocalRef> projects = program.getProjectList();
    for (int i = 0; i < projects.size(); i++) {
      if (i > 0) {
        select.append(", ");
      }
      String expr = withFieldNames(program.expandLocalRef(projects.get(i)).toString());
      String inputName = inputName(projects.get(i));
      select.append(inputName != null && inputName.equals(names.get(i)) ? inputName : expr + " AS " + names.get(i));
    }
    w = w.item("select", select.toString());
    if (program.getCondition() != null) {
      w = w.item("where", withFieldNames(program.expandLocalRef(program.getCondition()).toString()));
    }
    return w;
  }

  /** An expression's text with input references ({@code $3}) shown as the input's field names. */
  private String withFieldNames(String expression) {
    return PlanText.withFieldNames(expression, getInput().getRowType().getFieldNames());
  }

  /** The input field's name when the projected expression is just that field. */
  private String inputName(RexLocalRef ref) {
    org.apache.calcite.rex.RexNode expanded = getProgram().expandLocalRef(ref);
    if (expanded instanceof org.apache.calcite.rex.RexInputRef input) {
      return getInput().getRowType().getFieldNames().get(input.getIndex());
    }
    return null;
  }
}
