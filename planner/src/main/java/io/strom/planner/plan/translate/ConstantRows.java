package io.strom.planner.plan.translate;

import io.strom.api.functions.FunctionContext;
import io.strom.codegen.CalcCodeGenerator;
import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.planner.ValidationException;
import io.strom.planner.calcite.PlannerTypes;
import io.strom.planner.plan.physical.StreamPhysicalCalc;
import io.strom.planner.plan.physical.StreamPhysicalValues;
import io.strom.runtime.generated.CalcFunction;
import io.strom.serde.RowSerializer;
import io.strom.types.DataTypes;
import io.strom.types.RowType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexProgramBuilder;
import org.apache.calcite.rex.RexUtil;

/**
 * Rows of a plan that reads nothing: a {@code Values}, or projections of constants over one, computed
 * when the job is built with the same generated code as any expression, so their values follow
 * Flink's rules exactly.
 *
 * <p>A VALUES clause whose rows hold an ARRAY, MAP or ROW constructor has no literal form, and
 * Calcite turns it into a UNION ALL of one-row projections. Computed here, those rows become one
 * source that emits them in the order listed, where separate sources would interleave.
 */
final class ConstantRows {
  private final PlannerTypes types;
  private final ClassLoader classLoader;

  ConstantRows(PlannerTypes types, ClassLoader classLoader) {
    this.types = types;
    this.classLoader = classLoader;
  }

  /** True when {@code plan} is a {@code Values} or deterministic projections over one. */
  static boolean isConstant(RelNode plan) {
    if (plan instanceof StreamPhysicalValues) {
      return true;
    }
    return plan instanceof StreamPhysicalCalc calc
        && calc.getProgram().getExprList().stream().allMatch(RexUtil::isDeterministic)
        && isConstant(calc.getInput());
  }

  /** The rows of a plan {@link #isConstant} accepts, in the order it lists them. */
  List<Row> rows(RelNode plan) {
    if (plan instanceof StreamPhysicalValues values) {
      return values(values);
    }
    StreamPhysicalCalc calc = (StreamPhysicalCalc) plan;
    RelNode input = calc.getInput();
    return apply(calc.getProgram(), types.toRowType(input.getRowType()), rows(input), "Calc");
  }

  /** The rows of {@code plan} cast to {@code target}, field by field, as a union casts its inputs. */
  List<Row> rows(RelNode plan, RowType target) {
    RowType have = types.toRowType(plan.getRowType());
    RexProgram cast =
        CastPrograms.castProgram(plan, have, target, CastPrograms.inOrder(target), types);
    return cast == null ? rows(plan) : apply(cast, have, rows(plan), "UnionCast");
  }

  private List<Row> values(StreamPhysicalValues values) {
    RowType type = types.toRowType(values.getRowType());
    RexBuilder rex = values.getCluster().getRexBuilder();
    RelDataType empty =
        values.getCluster().getTypeFactory().createStructType(List.of(), List.of());
    List<Row> rows = new ArrayList<>();
    for (List<RexLiteral> tuple : values.getTuples()) {
      RexProgramBuilder builder = new RexProgramBuilder(empty, rex);
      for (int i = 0; i < tuple.size(); i++) {
        builder.addProject(tuple.get(i), type.fields().get(i).name());
      }
      rows.addAll(apply(builder.getProgram(), DataTypes.ROW(), List.of(new GenericRow(0)), "Values"));
    }
    return rows;
  }

  /** Each of {@code rows} through {@code program}, copied out of the function's reused row. */
  private List<Row> apply(RexProgram program, RowType inputType, List<Row> rows, String name) {
    RowType outputType = types.toRowType(program.getOutputRowType());
    CalcFunction function =
        CalcCodeGenerator.generate(program, inputType, outputType, name).newInstance(classLoader);
    RowSerializer serializer = new RowSerializer(outputType);
    List<Row> result = new ArrayList<>();
    try {
      function.open(FunctionContext.utc());
      for (Row row : rows) {
        Row out = function.apply(row);
        if (out != null) {
          result.add(serializer.copy(out));
        }
      }
      function.close();
    } catch (Exception e) {
      throw new ValidationException("A VALUES row cannot be evaluated: " + e.getMessage(), e);
    }
    return result;
  }
}
