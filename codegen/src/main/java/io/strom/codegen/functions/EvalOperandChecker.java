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
 * takes, and lists the methods' signatures when none does.
 */
final class EvalOperandChecker implements SqlOperandTypeChecker {
  private final List<Method> evals;

  EvalOperandChecker(List<Method> evals) {
    this.evals = List.copyOf(evals);
  }

  @Override
  public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
    List<RelDataType> types = new ArrayList<>();
    for (int i = 0; i < binding.getOperandCount(); i++) {
      types.add(binding.getOperandType(i));
    }
    for (Method eval : evals) {
      if (JavaTypeMapping.accepts(eval, types)) {
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
      min = Math.min(min, eval.getParameterCount());
      max = Math.max(max, eval.getParameterCount());
    }
    return SqlOperandCountRanges.between(min, max);
  }

  @Override
  public String getAllowedSignatures(SqlOperator op, String opName) {
    List<String> signatures = new ArrayList<>();
    for (Method eval : evals) {
      List<String> params = new ArrayList<>();
      for (Class<?> type : eval.getParameterTypes()) {
        params.add(type.getSimpleName());
      }
      signatures.add(opName + "(" + String.join(", ", params) + ")");
    }
    return String.join("\n", signatures);
  }
}
