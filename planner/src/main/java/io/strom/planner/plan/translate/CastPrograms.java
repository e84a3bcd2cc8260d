package io.strom.planner.plan.translate;

import io.strom.planner.calcite.PlannerTypes;
import io.strom.types.RowType;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexProgramBuilder;

/** The field-by-field casts that bring one input of a union (or any plan) to a target row type. */
final class CastPrograms {
  private CastPrograms() {}

  /**
   * A program taking field {@code order[i]} of {@code plan}'s rows (of type {@code have}) to field
   * {@code i} of {@code target}, cast to its type; null when nothing moves or changes type
   * (nullability aside).
   */
  static RexProgram castProgram(
      RelNode plan, RowType have, RowType target, int[] order, PlannerTypes types) {
    boolean same = true;
    for (int i = 0; i < target.fields().size(); i++) {
      same &= order[i] == i
          && target.fields().get(i).type().copy(true)
              .equals(have.fields().get(order[i]).type().copy(true));
    }
    if (same) {
      return null;
    }
    RelDataType inputType = plan.getRowType();
    RexBuilder rex = plan.getCluster().getRexBuilder();
    RexProgramBuilder builder = new RexProgramBuilder(inputType, rex);
    for (int i = 0; i < target.fields().size(); i++) {
      RelDataType targetType = types.toRelType(target.fields().get(i).type().copy(true));
      builder.addProject(
          rex.makeCast(targetType,
              rex.makeInputRef(inputType.getFieldList().get(order[i]).getType(), order[i]),
              true, false),
          target.fields().get(i).name());
    }
    return builder.getProgram();
  }

  /** The identity order of a row type's fields. */
  static int[] inOrder(RowType target) {
    return java.util.stream.IntStream.range(0, target.fieldCount()).toArray();
  }
}
