package io.strom.planner.plan.physical;

import com.google.common.collect.ImmutableList;
import io.strom.codegen.functions.TableFunctionSqlFunction;
import io.strom.codegen.functions.UnnestRows;
import io.strom.planner.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Uncollect;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.logical.LogicalCorrelate;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalTableFunctionScan;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexProgramBuilder;
import org.apache.calcite.rex.RexShuttle;

/**
 * Plans a lateral join as Calcite writes it, a correlate whose right side calls a table function
 * ({@code LogicalTableFunctionScan}) or unnests a collection ({@code Uncollect} over a one-row
 * VALUES), possibly under a filter and projection, or as a join when the function's arguments use
 * no column of the other side. The correlated fields ({@code $cor0.s}) become
 * fields of the input row, and the filter and projection run on the function's rows.
 */
final class CorrelateConversion {
  private CorrelateConversion() {}

  /** The physical correlate, or null when {@code correlate} is not a lateral table function. */
  static StreamPhysicalRel convert(
      LogicalCorrelate correlate, RelTraitSet traits, Supplier<StreamPhysicalRel> input) {
    return convert(correlate.getLeft(), correlate.getRight(), correlate.getCorrelationId(),
        correlate.getJoinType(), null, correlate.getRowType(), traits, input);
  }

  /**
   * The physical correlate of a join with a table function whose arguments use no column of the
   * other side ({@code LATERAL TABLE(f('a b'))}, {@code UNNEST(ARRAY[1, 2])}), which Calcite writes
   * as a join; null when the join's right side is not a table function.
   */
  static StreamPhysicalRel convert(
      LogicalJoin join, RelTraitSet traits, Supplier<StreamPhysicalRel> input) {
    return convert(join.getLeft(), join.getRight(), null, join.getJoinType(),
        join.getCondition(), join.getRowType(), traits, input);
  }

  /**
   * A table function called on its own ({@code SELECT * FROM TABLE(f('a b'))}): as in Flink, a
   * correlate over a single empty row. Null when {@code scan} is not a user-defined table function.
   */
  static StreamPhysicalRel convert(LogicalTableFunctionScan scan, RelTraitSet traits) {
    if (!scan.getInputs().isEmpty() || !(scan.getCall() instanceof RexCall call)
        || !(call.getOperator() instanceof TableFunctionSqlFunction)) {
      return null;
    }
    RelDataType empty = scan.getCluster().getTypeFactory().builder().build();
    StreamPhysicalValues oneRow = new StreamPhysicalValues(
        scan.getCluster(), traits, empty, ImmutableList.of(ImmutableList.of()));
    return new StreamPhysicalCorrelate(scan.getCluster(), traits, oneRow, call,
        scan.getRowType(), null, JoinRelType.INNER, scan.getRowType());
  }

  private static StreamPhysicalRel convert(
      RelNode left,
      RelNode right,
      CorrelationId id,
      JoinRelType joinType,
      RexNode joinCondition,
      RelDataType rowType,
      RelTraitSet traits,
      Supplier<StreamPhysicalRel> input) {
    RexBuilder rex = right.getCluster().getRexBuilder();
    RexProgram onTop = null;
    while (right instanceof Calc || right instanceof Project || right instanceof Filter) {
      RexProgram program = programOf(right);
      onTop = onTop == null ? program : RexProgramBuilder.mergePrograms(onTop, program, rex);
      right = right.getInput(0);
    }
    Correlated vars = new Correlated(id, left.getRowType(), rex);
    RexCall call;
    if (right instanceof LogicalTableFunctionScan scan && scan.getInputs().isEmpty()
        && scan.getCall() instanceof RexCall c && c.getOperator() instanceof TableFunctionSqlFunction) {
      call = (RexCall) vars.toInputRefs(c);
    } else if (right instanceof Uncollect uncollect) {
      call = unnest(uncollect, vars);
    } else {
      return null;
    }
    if (joinType != JoinRelType.INNER && joinType != JoinRelType.LEFT) {
      throw new ValidationException("A lateral join with a table function must be an INNER or a"
          + " LEFT join, not " + joinType);
    }
    boolean conditional = joinCondition != null && !joinCondition.isAlwaysTrue();
    RexProgram program = onTop == null && !conditional ? null
        : joinedProgram(onTop, right.getRowType(), vars, conditional ? joinCondition : null);
    if (joinType == JoinRelType.LEFT && program != null && program.getCondition() != null) {
      // As in Flink: a condition would have to decide which rows are padded with NULLs.
      throw new ValidationException("Only literal TRUE is supported as the condition of a LEFT JOIN"
          + " with a lateral table function: write ON TRUE and filter in the WHERE clause");
    }
    return new StreamPhysicalCorrelate(right.getCluster(), traits, input.get(), call,
        right.getRowType(), program, joinType, rowType);
  }

  /** {@code UNNEST(c)}: the collection expression of the single-row VALUES under the Uncollect. */
  private static RexCall unnest(Uncollect uncollect, Correlated vars) {
    RelNode below = uncollect.getInput();
    RexProgram program = null;
    while (below instanceof Calc || below instanceof Project) {
      RexProgram p = programOf(below);
      program = program == null ? p
          : RexProgramBuilder.mergePrograms(program, p, below.getCluster().getRexBuilder());
      below = below.getInput(0);
    }
    if (program == null || program.getCondition() != null
        || !(below instanceof Values values) || values.getTuples().size() != 1) {
      throw new ValidationException("UNNEST is supported over a column or an expression of the"
          + " joined row, e.g. CROSS JOIN UNNEST(t.tags) AS T(tag)");
    }
    if (program.getProjectList().size() != 1) {
      throw new ValidationException(
          "UNNEST of several collections at once is not supported yet; unnest them one by one");
    }
    RexNode collection = vars.toInputRefs(program.expandLocalRef(program.getProjectList().get(0)));
    RexBuilder rex = uncollect.getCluster().getRexBuilder();
    UnnestRows operator = uncollect.withOrdinality ? UnnestRows.WITH_ORDINALITY : UnnestRows.PLAIN;
    return (RexCall) rex.makeCall(uncollect.getRowType(), operator, List.of(collection));
  }

  private static RexProgram programOf(RelNode node) {
    RexBuilder rex = node.getCluster().getRexBuilder();
    if (node instanceof Calc calc) {
      return calc.getProgram();
    }
    if (node instanceof Project project) {
      return RexProgram.create(project.getInput().getRowType(), project.getProjects(), null,
          project.getRowType(), rex);
    }
    Filter filter = (Filter) node;
    RelDataType type = filter.getInput().getRowType();
    List<RexNode> identity = new ArrayList<>();
    for (RelDataTypeField field : type.getFieldList()) {
      identity.add(rex.makeInputRef(field.getType(), field.getIndex()));
    }
    return RexProgram.create(type, identity, filter.getCondition(), type, rex);
  }

  /**
   * {@code program} (over the function's columns and correlated fields) rewritten over the input's
   * fields followed by the function's columns.
   */
  private static RexProgram joinedProgram(
      RexProgram program, RelDataType functionType, Correlated vars, RexNode joinCondition) {
    if (program == null) {
      program = RexProgram.createIdentity(functionType);
    }
    RexBuilder rex = vars.rex;
    List<RelDataTypeField> fields = new ArrayList<>(vars.leftType.getFieldList());
    fields.addAll(functionType.getFieldList());
    List<String> names = new ArrayList<>();
    List<RelDataType> types = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      names.add("f" + i);
      types.add(fields.get(i).getType());
    }
    RelDataType joined = rex.getTypeFactory().createStructType(types, names);
    int shift = vars.leftType.getFieldCount();
    RexShuttle shifted = new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        return rex.makeInputRef(ref.getType(), ref.getIndex() + shift);
      }
    };
    RexProgramBuilder builder = new RexProgramBuilder(joined, rex);
    List<String> outNames = program.getOutputRowType().getFieldNames();
    List<RexNode> projects = new ArrayList<>();
    for (int i = 0; i < program.getProjectList().size(); i++) {
      RexNode e = program.expandLocalRef(program.getProjectList().get(i));
      projects.add(vars.toInputRefs(e.accept(shifted)));
      builder.addProject(projects.get(i), outNames.get(i));
    }
    List<RexNode> conditions = new ArrayList<>();
    if (program.getCondition() != null) {
      conditions.add(
          vars.toInputRefs(program.expandLocalRef(program.getCondition()).accept(shifted)));
    }
    if (joinCondition != null) {
      // The join's condition reads the right side's columns: the projections computing them.
      conditions.add(joinCondition.accept(new RexShuttle() {
        @Override
        public RexNode visitInputRef(RexInputRef ref) {
          return ref.getIndex() < shift ? ref : projects.get(ref.getIndex() - shift);
        }
      }));
    }
    if (!conditions.isEmpty()) {
      builder.addCondition(org.apache.calcite.rex.RexUtil.composeConjunction(rex, conditions));
    }
    return builder.getProgram();
  }

  /** Turns the correlate's variable ({@code $cor0.field}) into references to the input's fields. */
  private static final class Correlated extends RexShuttle {
    private final CorrelationId id;
    private final RelDataType leftType;
    private final RexBuilder rex;

    /** {@code id} is null for a join, which has no correlated fields. */
    Correlated(CorrelationId id, RelDataType leftType, RexBuilder rex) {
      this.id = id;
      this.leftType = leftType;
      this.rex = rex;
    }

    RexNode toInputRefs(RexNode node) {
      return node.accept(this);
    }

    @Override
    public RexNode visitFieldAccess(RexFieldAccess access) {
      if (access.getReferenceExpr() instanceof RexCorrelVariable var && var.id.equals(id)) {
        int index = access.getField().getIndex();
        return rex.makeInputRef(leftType.getFieldList().get(index).getType(), index);
      }
      return super.visitFieldAccess(access);
    }

    @Override
    public RexNode visitCorrelVariable(RexCorrelVariable variable) {
      throw new ValidationException("A lateral table function may only use the columns of the"
          + " tables before it in the FROM clause");
    }
  }
}
