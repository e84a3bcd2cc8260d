package io.strom.codegen.functions;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlOperandTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Operands of a function over an array and one value of its elements ({@code ARRAY_CONTAINS}): an
 * ARRAY, and a value of its element type's family (or NULL). Also {@code ARRAY_REMOVE} and
 * {@code ARRAY_POSITION}.
 */
final class ArrayElementOperandChecker implements SqlOperandTypeChecker {

  /** Gives an untyped NULL element the array's element type. */
  static final SqlOperandTypeInference ELEMENT_TYPE = (binding, returnType, operandTypes) -> {
    RelDataType array = binding.getOperandType(0);
    operandTypes[0] = array;
    operandTypes[1] = array.getComponentType() == null
        ? binding.getTypeFactory().createSqlType(SqlTypeName.NULL)
        : array.getComponentType();
  };

  @Override
  public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
    RelDataType array = binding.getOperandType(0);
    RelDataType element = binding.getOperandType(1);
    boolean ok = array.getSqlTypeName() == SqlTypeName.ARRAY
        && (element.getSqlTypeName() == SqlTypeName.NULL
            || sameFamily(array.getComponentType(), element));
    if (!ok && throwOnFailure) {
      throw binding.newValidationSignatureError();
    }
    return ok;
  }

  /** Flink casts the element to the array's element type only within a family (no STRING to INT). */
  private static boolean sameFamily(RelDataType component, RelDataType element) {
    if (SqlTypeUtil.isNumeric(component) && SqlTypeUtil.isNumeric(element)) {
      return true;
    }
    return component.getFamily() == element.getFamily()
        && SqlTypeUtil.isComparable(component, element);
  }

  @Override
  public SqlOperandCountRange getOperandCountRange() {
    return SqlOperandCountRanges.of(2);
  }

  @Override
  public String getAllowedSignatures(SqlOperator op, String opName) {
    return opName + "(<ARRAY>, <ELEMENT>)";
  }
}
