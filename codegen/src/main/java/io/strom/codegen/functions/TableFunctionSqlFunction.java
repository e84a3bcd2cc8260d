package io.strom.codegen.functions;

import io.strom.api.functions.TableFunction;
import java.lang.reflect.Method;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlTableFunction;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;

/**
 * A user-defined {@link TableFunction} as a Calcite table function, called with {@code LATERAL
 * TABLE(f(x))}: its {@code eval} methods decide which arguments it accepts, and the chosen one
 * the rows it emits (see {@link TableFunctionRowTypes}). Created by {@link UserFunctions#table}.
 */
public final class TableFunctionSqlFunction extends SqlFunction implements SqlTableFunction {
  private final TableFunction<?> function;
  private final List<Method> evals;

  TableFunctionSqlFunction(String name, TableFunction<?> function, List<Method> evals) {
    super(name, SqlKind.OTHER_FUNCTION, ReturnTypes.CURSOR, null, new EvalOperandChecker(evals),
        SqlFunctionCategory.USER_DEFINED_TABLE_FUNCTION);
    this.function = function;
    this.evals = List.copyOf(evals);
  }

  /** The function instance generated code calls (copied per parallel instance). */
  public TableFunction<?> function() {
    return function;
  }

  /** The eval method that accepts {@code operandTypes}, or null when none does. */
  public Method resolve(List<RelDataType> operandTypes) {
    for (Method eval : evals) {
      if (JavaTypeMapping.accepts(eval, operandTypes)) {
        return eval;
      }
    }
    return null;
  }

  /** The rows {@code eval} emits: one column per field of a ROW type, else one column {@code f0}. */
  public RelDataType rowType(RelDataTypeFactory factory, Method eval) {
    return TableFunctionRowTypes.rowType(factory, function.getClass(), eval);
  }

  /** True when {@code eval} emits plain values (one column), false when it emits rows. */
  public boolean emitsValues(Method eval) {
    return TableFunctionRowTypes.emitsValues(function.getClass(), eval);
  }

  @Override
  public SqlReturnTypeInference getRowTypeInference() {
    return TableFunctionSqlFunction::inferRowType;
  }

  private static RelDataType inferRowType(SqlOperatorBinding binding) {
    TableFunctionSqlFunction self = (TableFunctionSqlFunction) binding.getOperator();
    List<RelDataType> types = binding.collectOperandTypes();
    Method eval = self.resolve(types);
    if (eval == null) {
      throw new IllegalArgumentException("No eval method of " + self.function.getClass().getName()
          + " accepts " + types);
    }
    return self.rowType(binding.getTypeFactory(), eval);
  }
}
