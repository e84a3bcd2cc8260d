package io.strom.runtime.sql.join;

import static java.util.Objects.requireNonNull;

import io.strom.data.JoinedRow;
import io.strom.runtime.generated.CalcFunction;
import io.strom.runtime.generated.GeneratedClass;

/**
 * A join condition's non-equi part as generated code: a calc over the joined row that keeps the
 * pair when the condition holds.
 */
public final class GeneratedJoinCondition implements StreamingJoinOperator.JoinConditionFactory {
  private static final long serialVersionUID = 1L;

  private final GeneratedClass<CalcFunction> code;

  public GeneratedJoinCondition(GeneratedClass<CalcFunction> code) {
    this.code = requireNonNull(code, "code");
  }

  @Override
  public JoinCondition create(ClassLoader classLoader) throws Exception {
    CalcFunction function = code.newInstance(classLoader);
    function.open(io.strom.api.functions.FunctionContext.utc());
    JoinedRow pair = new JoinedRow();
    return (left, right) -> function.apply(pair.replace(left, right)) != null;
  }
}
