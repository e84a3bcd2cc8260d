package io.strom.codegen.functions;

import io.strom.table.functions.AggregateFunction;
import java.lang.reflect.Method;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.util.Optionality;

/**
 * A user-defined {@link AggregateFunction} as a Calcite aggregate function: its {@code accumulate}
 * methods decide which arguments it accepts, its result type comes from {@code T} or a type hint.
 * Created by {@link UserFunctions#aggregate}.
 */
public final class AggregateFunctionSqlFunction extends SqlAggFunction {
  private final AggregateFunction<?, ?> function;
  private final AggregateFunctionMethods methods;

  AggregateFunctionSqlFunction(
      String name, AggregateFunction<?, ?> function, AggregateFunctionMethods methods) {
    super(name, null, SqlKind.OTHER_FUNCTION, AggregateFunctionSqlFunction::returnType, null,
        new EvalOperandChecker(methods.accumulates(), 1), SqlFunctionCategory.USER_DEFINED_FUNCTION,
        false, false, Optionality.FORBIDDEN);
    this.function = function;
    this.methods = methods;
  }

  /** The function instance generated code calls (copied per parallel instance). */
  public AggregateFunction<?, ?> function() {
    return function;
  }

  /** The accumulate method that accepts {@code operandTypes}, or null when none does. */
  public Method resolve(List<RelDataType> operandTypes) {
    for (Method accumulate : methods.accumulates()) {
      if (JavaTypeMapping.accepts(accumulate, 1, operandTypes)) {
        return accumulate;
      }
    }
    return null;
  }

  /** The retract method taking the arguments of {@code accumulate}, or null when there is none. */
  public Method retractFor(Method accumulate) {
    return methods.retractFor(accumulate);
  }

  /** Whether the function declares {@code merge(ACC, Iterable<ACC>)}. */
  public boolean merges() {
    return methods.merges();
  }

  /** The getValue method generated code calls. */
  public Method getValue() {
    return methods.getValue();
  }

  /** The Java class of the values getValue returns. */
  public Class<?> resultClass() {
    return methods.resultClass();
  }

  @Override
  public boolean isDeterministic() {
    return function.isDeterministic();
  }

  /** Flink passes NULL arguments on to accumulate; the function decides what they mean. */
  @Override
  public boolean skipsNullInputs() {
    return false;
  }

  private static RelDataType returnType(SqlOperatorBinding binding) {
    AggregateFunctionSqlFunction self = (AggregateFunctionSqlFunction) binding.getOperator();
    return self.methods.resultType(binding.getTypeFactory());
  }
}
