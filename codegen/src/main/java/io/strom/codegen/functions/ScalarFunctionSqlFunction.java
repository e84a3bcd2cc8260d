package io.strom.codegen.functions;

import io.strom.api.functions.ScalarFunction;
import java.lang.reflect.Method;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorBinding;

/**
 * A user-defined {@link ScalarFunction} as a Calcite function: its {@code eval} methods decide
 * which arguments it accepts and its result type. Created by {@link UserFunctions#scalar}.
 */
public final class ScalarFunctionSqlFunction extends SqlFunction {
  private final ScalarFunction function;
  private final List<Method> evals;

  ScalarFunctionSqlFunction(String name, ScalarFunction function, List<Method> evals) {
    super(name, SqlKind.OTHER_FUNCTION,
        ScalarFunctionSqlFunction::returnType, null, new EvalOperandChecker(evals),
        SqlFunctionCategory.USER_DEFINED_FUNCTION);
    this.function = function;
    this.evals = List.copyOf(evals);
  }

  /** The function instance generated code calls (copied per parallel instance). */
  public ScalarFunction function() {
    return function;
  }

  @Override
  public boolean isDeterministic() {
    return function.isDeterministic();
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

  private static RelDataType returnType(SqlOperatorBinding binding) {
    ScalarFunctionSqlFunction self = (ScalarFunctionSqlFunction) binding.getOperator();
    List<RelDataType> types = binding.collectOperandTypes();
    Method eval = self.resolve(types);
    if (eval == null) {
      throw new IllegalArgumentException("No eval method of " + self.function.getClass().getName()
          + " accepts " + types);
    }
    boolean anyNullable = false;
    for (RelDataType type : types) {
      anyNullable |= type.isNullable();
    }
    return JavaTypeMapping.resultType(binding.getTypeFactory(), eval, anyNullable);
  }
}
