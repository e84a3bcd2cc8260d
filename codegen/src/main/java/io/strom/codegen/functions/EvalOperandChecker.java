package io.strom.codegen.functions;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;

/**
 * Operand checker of a user-defined function: accepts the operand types some {@code eval} method
 * (or an aggregate function's {@code accumulate}) takes, and lists the methods' signatures when
 * none does.
 */
final class EvalOperandChecker implements SqlOperandTypeChecker {
  private final List<Method> evals;
  /** Leading parameters that are not SQL operands: an aggregate function's accumulator. */
  private final int skip;

  EvalOperandChecker(List<Method> evals) {
    this(evals, 0);
  }

  EvalOperandChecker(List<Method> evals, int skip) {
    this.evals = List.copyOf(evals);
    this.skip = skip;
  }

  @Override
  public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
    List<RelDataType> types = new ArrayList<>();
    for (int i = 0; i < binding.getOperandCount(); i++) {
      types.add(binding.getOperandType(i));
    }
    for (Method eval : evals) {
      if (JavaTypeMapping.accepts(eval, skip, types)) {
        return true;
      }
    }
    if (throwOnFailure) {
      throw binding.newValidationSignatureError();
    }
    return false;
  }

  @Override
  public SqlOperandCountRange getOperandCountRange() {
    int min = Integer.MAX_VALUE;
    int max = 0;
    for (Method eval : evals) {
      min = Math.min(min, eval.getParameterCount() - skip);
      max = Math.max(max, eval.getParameterCount() - skip);
    }
    return SqlOperandCountRanges.between(min, max);
  }

  @Override
  public String getAllowedSignatures(SqlOperator op, String opName) {
    List<String> signatures = new ArrayList<>();
    for (Method eval : evals) {
      List<String> params = new ArrayList<>();
      Class<?>[] types = eval.getParameterTypes();
      for (int i = skip; i < types.length; i++) {
        params.add(types[i].getSimpleName());
      }
      signatures.add(opName + "(" + String.join(", ", params) + ")");
    }
    return String.join("\n", signatures);
  }
}
