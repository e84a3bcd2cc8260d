package io.strom.codegen.functions;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Operands of a function that combines collections of one kind into one ({@code ARRAY_CONCAT},
 * {@code ARRAY_UNION}, {@code MAP_UNION}): all ARRAYs (or all MAPs) whose element types have a
 * common type, which is the result's.
 */
final class CommonCollectionOperandChecker implements SqlOperandTypeChecker {
  private final SqlTypeName kind;
  private final SqlOperandCountRange count;

  CommonCollectionOperandChecker(SqlTypeName kind, SqlOperandCountRange count) {
    this.kind = kind;
    this.count = count;
  }

  @Override
  public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
    List<RelDataType> types = binding.collectOperandTypes();
    boolean ok = types.stream().allMatch(type -> type.getSqlTypeName() == kind)
        && binding.getTypeFactory().leastRestrictive(types) != null;
    if (!ok && throwOnFailure) {
      throw binding.newValidationSignatureError();
    }
    return ok;
  }

  @Override
  public SqlOperandCountRange getOperandCountRange() {
    return count;
  }

  @Override
  public String getAllowedSignatures(SqlOperator op, String opName) {
    String operand = "<" + kind + ">";
    return count.getMax() == 2
        ? opName + "(" + operand + ", " + operand + ")"
        : opName + "(" + operand + ", ...)";
  }

  static CommonCollectionOperandChecker atLeastOne(SqlTypeName kind) {
    return new CommonCollectionOperandChecker(kind, SqlOperandCountRanges.from(1));
  }

  static CommonCollectionOperandChecker two(SqlTypeName kind) {
    return new CommonCollectionOperandChecker(kind, SqlOperandCountRanges.of(2));
  }
}
