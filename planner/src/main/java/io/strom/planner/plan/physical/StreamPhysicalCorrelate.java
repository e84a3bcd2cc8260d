package io.strom.planner.plan.physical;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexProgram;

/**
 * A lateral join with a table function or {@code UNNEST} (INNER or LEFT): each input row joined
 * with the rows the function emits for it, keeping the input row's kind. Stateless.
 */
public final class StreamPhysicalCorrelate extends SingleRel implements StreamPhysicalRel {
  private final RexCall call;
  private final RelDataType functionType;
  private final RexProgram program;
  private final JoinRelType joinType;

  /**
   * @param call the table function (or {@code UNNEST}) call over the input's fields
   * @param functionType the columns the function emits
   * @param program condition and projection over the input's fields followed by the function's
   *     columns, giving the columns joined to the input row; null for the function's columns
   * @param joinType INNER or LEFT
   * @param rowType the input's columns followed by the joined ones
   */
  public StreamPhysicalCorrelate(
      RelOptCluster cluster,
      RelTraitSet traits,
      RelNode input,
      RexCall call,
      RelDataType functionType,
      RexProgram program,
      JoinRelType joinType,
      RelDataType rowType) {
    super(cluster, traits, input);
    this.call = call;
    this.functionType = functionType;
    this.program = program;
    this.joinType = joinType;
    this.rowType = rowType;
  }

  public RexCall call() {
    return call;
  }

  public RelDataType functionType() {
    return functionType;
  }

  /** May be null: the joined columns are the function's. */
  public RexProgram program() {
    return program;
  }

  public JoinRelType joinType() {
    return joinType;
  }

  /** The columns joined to each input row. */
  public RelDataType joinedType() {
    List<RelDataTypeField> fields = getRowType().getFieldList();
    List<RelDataTypeField> joined =
        new ArrayList<>(fields.subList(getInput().getRowType().getFieldCount(), fields.size()));
    return getCluster().getTypeFactory().createStructType(joined);
  }

  @Override
  protected RelDataType deriveRowType() {
    return rowType;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new StreamPhysicalCorrelate(getCluster(), traitSet, sole(inputs), call, functionType,
        program, joinType, rowType);
  }

  @Override
  public String planName() {
    return "Correlate";
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    List<String> inputNames = getInput().getRowType().getFieldNames();
    List<String> joinedNames = new ArrayList<>(inputNames);
    joinedNames.addAll(functionType.getFieldNames());
    RelWriter w = pw.input("input", getInput())
        .item("invocation", PlanText.withFieldNames(call.toString(), inputNames));
    if (program != null && program.getCondition() != null) {
      w = w.item("condition", PlanText.withFieldNames(
          program.expandLocalRef(program.getCondition()).toString(), joinedNames));
    }
    return w.item("select", String.join(", ", getRowType().getFieldNames()))
        .item("joinType", joinType.name());
  }
}
