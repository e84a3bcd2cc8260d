package io.strom.codegen.functions;

import java.util.List;
import java.util.function.Predicate;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Operands of a function over an array whose elements must be of some kind ({@code ARRAY_MAX}
 * needs elements with an order, {@code ARRAY_JOIN} strings), followed by operands of given
 * families, the last {@code optional} of which may be left out.
 */
final class ArrayOfOperandChecker implements SqlOperandTypeChecker {
  private final String elementName;
  private final Predicate<RelDataType> element;
  private final List<SqlTypeFamily> rest;
  private final int optional;

  ArrayOfOperandChecker(String elementName, Predicate<RelDataType> element,
      List<SqlTypeFamily> rest, int optional) {
    this.elementName = elementName;
    this.element = element;
    this.rest = List.copyOf(rest);
    this.optional = optional;
  }

  @Override
  public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
    RelDataType array = binding.getOperandType(0);
    boolean ok = array.getSqlTypeName() == SqlTypeName.ARRAY
        && element.test(array.getComponentType());
    for (int i = 1; ok && i < binding.getOperandCount(); i++) {
      RelDataType type = binding.getOperandType(i);
      ok = type.getSqlTypeName() == SqlTypeName.NULL
          || rest.get(i - 1).getTypeNames().contains(type.getSqlTypeName());
    }
    if (!ok && throwOnFailure) {
      throw binding.newValidationSignatureError();
    }
    return ok;
  }

  @Override
  public SqlOperandCountRange getOperandCountRange() {
    return SqlOperandCountRanges.between(1 + rest.size() - optional, 1 + rest.size());
  }

  @Override
  public String getAllowedSignatures(SqlOperator op, String opName) {
    StringBuilder signature = new StringBuilder(opName).append("(<ARRAY OF ")
        .append(elementName).append('>');
    for (int i = 0; i < rest.size(); i++) {
      boolean isOptional = i >= rest.size() - optional;
      signature.append(isOptional ? " [, <" : ", <").append(rest.get(i)).append(isOptional ? ">]" : ">");
    }
    return signature.append(')').toString();
  }
}
