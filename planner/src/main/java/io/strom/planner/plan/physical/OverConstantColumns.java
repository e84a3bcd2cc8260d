package io.strom.planner.plan.physical;

import java.util.List;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.logical.LogicalWindow;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexProgramBuilder;

/**
 * Carries the constant arguments of OVER aggregates (such as LISTAGG's separator) as columns: a
 * calc below the OVER aggregation appends the window's constants to its input, in order, so that
 * the aggregate calls' arguments (which refer to constant {@code k} as field {@code n + k}) find
 * them there, and a calc above drops them again. A GROUP BY aggregation gets its constant
 * arguments the same way, as columns of the projection below it.
 */
final class OverConstantColumns {
  private static final String NAME_PREFIX = "$constant";

  private OverConstantColumns() {}

  /** The window's input with its constants appended as columns. */
  static StreamPhysicalRel append(
      LogicalWindow window, StreamPhysicalRel input, RelTraitSet traits) {
    RexBuilder rex = window.getCluster().getRexBuilder();
    RelDataType inputType = input.getRowType();
    RexProgramBuilder program = new RexProgramBuilder(inputType, rex);
    for (RelDataTypeField field : inputType.getFieldList()) {
      program.addProject(rex.makeInputRef(field.getType(), field.getIndex()), field.getName());
    }
    List<RexLiteral> constants = window.getConstants();
    for (int k = 0; k < constants.size(); k++) {
      program.addProject(constants.get(k), NAME_PREFIX + k);
    }
    return new StreamPhysicalCalc(window.getCluster(), traits, input, program.getProgram());
  }

  /** The row of the OVER aggregation over the widened input: its columns, then the results. */
  static RelDataType overRowType(LogicalWindow window, RelDataType widenedInput) {
    int inputFields = window.getInput().getRowType().getFieldCount();
    List<RelDataTypeField> results =
        window.getRowType().getFieldList().subList(inputFields, window.getRowType().getFieldCount());
    return window.getCluster().getTypeFactory().builder()
        .addAll(widenedInput.getFieldList())
        .addAll(results)
        .build();
  }

  /** Drops the constant columns from the OVER aggregation's rows: the window's own row type. */
  static StreamPhysicalRel drop(
      LogicalWindow window, StreamPhysicalRel over, RelTraitSet traits) {
    RexBuilder rex = window.getCluster().getRexBuilder();
    RelDataType overType = over.getRowType();
    int inputFields = window.getInput().getRowType().getFieldCount();
    int constants = window.getConstants().size();
    RexProgramBuilder program = new RexProgramBuilder(overType, rex);
    List<RelDataTypeField> wanted = window.getRowType().getFieldList();
    for (RelDataTypeField field : wanted) {
      int source = field.getIndex() < inputFields ? field.getIndex() : field.getIndex() + constants;
      program.addProject(
          rex.makeInputRef(overType.getFieldList().get(source).getType(), source),
          field.getName());
    }
    return new StreamPhysicalCalc(window.getCluster(), traits, over, program.getProgram());
  }
}
