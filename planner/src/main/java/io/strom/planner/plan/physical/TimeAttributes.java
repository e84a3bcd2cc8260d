package io.strom.planner.plan.physical;

import io.strom.codegen.types.TimeAttributeType;
import io.strom.types.TimestampKind;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;

/**
 * Which fields of a logical plan are time attributes. The validator gives an expression over a
 * time attribute ({@code ts + INTERVAL '1' HOUR}) the attribute's type, but as in Flink only the
 * attribute itself, passed on unchanged, is one: a computed value is a plain timestamp.
 */
final class TimeAttributes {
  private TimeAttributes() {}

  /** ROWTIME or PROCTIME when field {@code index} of {@code node} is a time attribute, else REGULAR. */
  static TimestampKind kindOf(RelNode node, int index) {
    if (!(node.getRowType().getFieldList().get(index).getType() instanceof TimeAttributeType type)
        || type.kind() == TimestampKind.REGULAR) {
      return TimestampKind.REGULAR;
    }
    if (node instanceof Calc calc) {
      RexProgram program = calc.getProgram();
      return kindOf(calc.getInput(), program.expandLocalRef(program.getProjectList().get(index)),
          type.kind());
    }
    if (node instanceof Project project) {
      return kindOf(project.getInput(), project.getProjects().get(index), type.kind());
    }
    if (node instanceof Filter filter) {
      return kindOf(filter.getInput(), index);
    }
    if (node instanceof Join join && !join.getJoinType().projectsRight()) {
      return kindOf(join.getLeft(), index);
    }
    if (node instanceof Join join) {
      int leftCount = join.getLeft().getRowType().getFieldCount();
      return index < leftCount
          ? kindOf(join.getLeft(), index)
          : kindOf(join.getRight(), index - leftCount);
    }
    // Scans, watermark assigners, window functions: their type says it.
    return type.kind();
  }

  /** A projected expression: the attribute itself, or a new processing time. */
  private static TimestampKind kindOf(RelNode input, RexNode expression, TimestampKind typed) {
    if (expression instanceof RexInputRef ref) {
      return kindOf(input, ref.getIndex());
    }
    if (expression instanceof RexCall call && call.getOperator().getName().equals("PROCTIME")) {
      return typed;
    }
    return TimestampKind.REGULAR;
  }
}
