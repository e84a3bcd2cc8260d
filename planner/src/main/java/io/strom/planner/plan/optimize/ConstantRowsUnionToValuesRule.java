package io.strom.planner.plan.optimize;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.logical.LogicalUnion;
import org.apache.calcite.rel.logical.LogicalValues;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexExecutor;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Rule that turns a UNION ALL of constant rows into one {@code Values} holding the rows in their
 * order. Calcite converts a VALUES clause to a single {@code Values} only when every field is a
 * plain literal; one expression anywhere ({@code CAST(NULL AS STRING)}, a cast to the rows' common
 * type) makes it a union of one-row projections instead, whose inputs run as separate sources and
 * interleave, so {@code INSERT INTO t VALUES ...} would write its rows out of order. Flink writes
 * them in the order listed, each field widened to the common type.
 *
 * <p>Every field is cast to the union's type and evaluated by the plan's executor (the generated
 * code, so with Flink's cast rules); when one has no literal form (a non-deterministic function,
 * a TIMESTAMP_LTZ) the union stays as it is.
 */
public final class ConstantRowsUnionToValuesRule extends RelOptRule {
  public static final ConstantRowsUnionToValuesRule INSTANCE = new ConstantRowsUnionToValuesRule();

  private ConstantRowsUnionToValuesRule() {
    super(operand(LogicalUnion.class, any()), "ConstantRowsUnionToValuesRule");
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalUnion union = call.rel(0);
    if (!union.all) {
      return;
    }
    RelDataType rowType = union.getRowType();
    List<List<RexNode>> rows = new ArrayList<>();
    for (RelNode input : union.getInputs()) {
      List<List<RexNode>> inputRows = constantRows(input.stripped());
      if (inputRows == null) {
        return;
      }
      rows.addAll(inputRows);
    }
    ImmutableList.Builder<ImmutableList<RexLiteral>> tuples = ImmutableList.builder();
    for (List<RexNode> row : rows) {
      ImmutableList<RexLiteral> tuple = literals(union, row, rowType);
      if (tuple == null) {
        return;
      }
      tuples.add(tuple);
    }
    call.transformTo(LogicalValues.create(union.getCluster(), rowType, tuples.build()));
  }

  /**
   * The rows of {@code input} as expressions when it is constant: the tuples of a {@code Values},
   * or the expressions of a projection without field references over one row of a {@code Values};
   * null otherwise.
   */
  private static List<List<RexNode>> constantRows(RelNode input) {
    if (input instanceof Values values) {
      List<List<RexNode>> rows = new ArrayList<>();
      values.getTuples().forEach(tuple -> rows.add(List.copyOf(tuple)));
      return rows;
    }
    if (input instanceof Project project
        && project.getInput().stripped() instanceof Values one
        && one.getTuples().size() == 1
        && project.getProjects().stream().allMatch(RexUtil::isConstant)) {
      return List.of(project.getProjects());
    }
    return null;
  }

  /** The row's fields as literals of the union's field types, or null when one is not constant. */
  private static ImmutableList<RexLiteral> literals(
      LogicalUnion union, List<RexNode> row, RelDataType rowType) {
    ImmutableList.Builder<RexLiteral> literals = ImmutableList.builder();
    for (int i = 0; i < row.size(); i++) {
      RexLiteral literal = literal(union, row.get(i), rowType.getFieldList().get(i).getType());
      if (literal == null) {
        return null;
      }
      literals.add(literal);
    }
    return literals.build();
  }

  /**
   * {@code field} cast to {@code type} and evaluated. A value is asked for as NOT NULL first: the
   * executor keeps an expression whose literal would differ from it in nullability, and the
   * union's types are nullable where any row is.
   */
  private static RexLiteral literal(LogicalUnion union, RexNode field, RelDataType type) {
    if (field instanceof RexLiteral literal
        && (RexLiteral.isNullLiteral(literal) || literal.getType().equals(type))) {
      return literal;
    }
    RexBuilder rex = union.getCluster().getRexBuilder();
    RexExecutor executor = union.getCluster().getPlanner().getExecutor();
    if (executor == null) {
      return null;
    }
    for (boolean nullable : new boolean[] {false, true}) {
      RelDataType target = rex.getTypeFactory().createTypeWithNullability(type, nullable);
      List<RexNode> reduced = new ArrayList<>();
      executor.reduce(rex, List.of(rex.makeAbstractCast(target, field, false)), reduced);
      if (reduced.get(0) instanceof RexLiteral literal
          && (RexLiteral.isNullLiteral(literal) || SqlTypeUtil.canAssignFrom(type, literal.getType()))) {
        return literal;
      }
    }
    return null;
  }
}
