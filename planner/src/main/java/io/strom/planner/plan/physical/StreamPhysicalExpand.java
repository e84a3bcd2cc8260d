package io.strom.planner.plan.physical;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;

/**
 * Emits each input row once per projection, as Flink's Expand does for GROUPING SETS: one copy
 * per grouping set, the keys outside the set NULLed and a constant id naming the set. Stateless;
 * every copy keeps its input row's kind.
 */
public final class StreamPhysicalExpand extends SingleRel implements StreamPhysicalRel {
  private final List<List<RexNode>> projections;
  private final int expandIdIndex;

  public StreamPhysicalExpand(
      RelOptCluster cluster,
      RelTraitSet traits,
      RelNode input,
      List<List<RexNode>> projections,
      int expandIdIndex,
      RelDataType rowType) {
    super(cluster, traits, input);
    if (projections.isEmpty()) {
      throw new IllegalArgumentException("Expand needs at least one projection");
    }
    List<List<RexNode>> copies = new ArrayList<>();
    for (List<RexNode> projection : projections) {
      if (projection.size() != rowType.getFieldCount()) {
        throw new IllegalArgumentException("Expand projection " + projection + " does not fit "
            + rowType);
      }
      copies.add(List.copyOf(projection));
    }
    this.projections = List.copyOf(copies);
    this.expandIdIndex = expandIdIndex;
    this.rowType = rowType;
  }

  /** One list of expressions over the input per emitted copy, each giving the whole output row. */
  public List<List<RexNode>> projections() {
    return projections;
  }

  /** The output field holding the id of the grouping set a copy belongs to. */
  public int expandIdIndex() {
    return expandIdIndex;
  }

  /** Whether output field {@code field} is input field {@code field} in every copy. */
  public boolean passesThrough(int field) {
    for (List<RexNode> projection : projections) {
      if (!(projection.get(field) instanceof RexInputRef ref) || ref.getIndex() != field) {
        return false;
      }
    }
    return true;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new StreamPhysicalExpand(
        getCluster(), traitSet, sole(inputs), projections, expandIdIndex, rowType);
  }

  @Override
  protected RelDataType deriveRowType() {
    return rowType;
  }

  @Override
  public String planName() {
    return "Expand";
  }

  /** As Flink prints it: {@code projects=[{a, b, 0 AS $e}, {a, null AS b, 1 AS $e}]}. */
  @Override
  public RelWriter explainTerms(RelWriter pw) {
    List<String> inputNames = getInput().getRowType().getFieldNames();
    List<String> names = getRowType().getFieldNames();
    StringBuilder text = new StringBuilder();
    for (List<RexNode> projection : projections) {
      text.append(text.length() == 0 ? "{" : ", {");
      for (int i = 0; i < projection.size(); i++) {
        RexNode expr = projection.get(i);
        String shown = expr instanceof RexInputRef ref ? inputNames.get(ref.getIndex())
            : expr instanceof RexLiteral literal
                ? (literal.isNull() ? "null" : String.valueOf(literal.getValue2()))
                : PlanText.withFieldNames(expr.toString(), inputNames);
        text.append(i == 0 ? "" : ", ").append(shown);
        if (!shown.equals(names.get(i))) {
          text.append(" AS ").append(names.get(i));
        }
      }
      text.append('}');
    }
    return super.explainTerms(pw).item("projects", text.toString());
  }
}
