package io.strom.codegen;

import io.strom.codegen.expr.CodeGenContext;
import io.strom.codegen.expr.ExprCodeGenerator;
import io.strom.codegen.expr.GeneratedExpr;
import io.strom.codegen.expr.JavaTypes;
import io.strom.codegen.types.TypeConversions;
import io.strom.types.RowType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The loop of {@code UNNEST} in a generated correlate: over an array's elements, a map's entries
 * (key, value) or a multiset's elements, each as often as it occurs; elements that are rows are
 * spread over their fields, as Calcite's row type of the unnested collection says. Each element
 * fills the {@code element} row and goes to {@code emit}. A NULL collection emits nothing.
 */
final class UnnestLoop {
  private UnnestLoop() {}

  static String generate(
      ExprCodeGenerator g, RexCall call, RowType columns, boolean withOrdinality) {
    if (call.getOperands().size() != 1) {
      throw new UnsupportedExpressionException(
          "UNNEST of several collections at once is not supported yet; unnest them one by one");
    }
    CodeGenContext c = g.context();
    GeneratedExpr collection = g.generate(call.getOperands().get(0));
    RelDataType type = collection.type();
    String index = c.newName("i");
    String ordinal = c.newName("ordinal");
    StringBuilder code = new StringBuilder(collection.code())
        .append("if (!").append(collection.nullTerm()).append(") {\n")
        .append("int ").append(ordinal).append(" = 0;\n");
    int ordinality = withOrdinality ? columns.fieldCount() - 1 : -1;
    String emitOne = (withOrdinality
        ? ordinal + "++;\nelement.setInt(" + ordinality + ", " + ordinal + ");\n" : "")
        + "emit(element);\n";
    if (type.getSqlTypeName() == SqlTypeName.ARRAY) {
      String array = collection.valueTerm();
      code.append("for (int ").append(index).append(" = 0; ").append(index).append(" < ")
          .append(array).append(".size(); ").append(index).append("++) {\n")
          .append(fill(g, array, index, type.getComponentType(), columns, 0))
          .append(emitOne).append("}\n");
    } else if (type.getSqlTypeName() == SqlTypeName.MAP) {
      String keys = c.newName("keys");
      String values = c.newName("values");
      code.append("io.strom.data.ArrayData ").append(keys).append(" = ")
          .append(collection.valueTerm()).append(".keyArray();\n")
          .append("io.strom.data.ArrayData ").append(values).append(" = ")
          .append(collection.valueTerm()).append(".valueArray();\n")
          .append("for (int ").append(index).append(" = 0; ").append(index).append(" < ")
          .append(keys).append(".size(); ").append(index).append("++) {\n")
          .append(fill(g, keys, index, type.getKeyType(), columns, 0))
          .append(fill(g, values, index, type.getValueType(), columns, 1))
          .append(emitOne).append("}\n");
    } else if (type.getSqlTypeName() == SqlTypeName.MULTISET) {
      // A multiset is a map from each distinct element to how often it occurs.
      String keys = c.newName("elements");
      String counts = c.newName("counts");
      String repeat = c.newName("n");
      code.append("io.strom.data.ArrayData ").append(keys).append(" = ")
          .append(collection.valueTerm()).append(".keyArray();\n")
          .append("io.strom.data.ArrayData ").append(counts).append(" = ")
          .append(collection.valueTerm()).append(".valueArray();\n")
          .append("for (int ").append(index).append(" = 0; ").append(index).append(" < ")
          .append(keys).append(".size(); ").append(index).append("++) {\n")
          .append(fill(g, keys, index, type.getComponentType(), columns, 0))
          .append("for (int ").append(repeat).append(" = 0; ").append(repeat).append(" < ")
          .append(counts).append(".getInt(").append(index).append("); ").append(repeat)
          .append("++) {\n").append(emitOne).append("}\n}\n");
    } else {
      throw new UnsupportedExpressionException(
          "UNNEST needs an ARRAY, MAP or MULTISET, not " + type.getFullTypeString());
    }
    return code.append("}\n").toString();
  }

  /**
   * Code setting the columns from {@code column} on to element {@code index} of {@code array}:
   * one column, or one per field when the element is a row spread over the columns.
   */
  private static String fill(ExprCodeGenerator g, String array, String index,
      RelDataType elementType, RowType columns, int column) {
    boolean spread = elementType.isStruct()
        && !TypeConversions.toRelDataType(g.typeFactory(), columns.typeAt(column)).isStruct();
    if (!spread) {
      return set(g.readField(array, index, elementType), columns, column);
    }
    CodeGenContext c = g.context();
    String row = c.newName("row");
    int fields = elementType.getFieldCount();
    StringBuilder code = new StringBuilder("if (").append(array).append(".isNullAt(")
        .append(index).append(")) {\n");
    for (int f = 0; f < fields; f++) {
      code.append("element.setNullAt(").append(column + f).append(");\n");
    }
    code.append("} else {\nio.strom.data.Row ").append(row).append(" = ").append(array)
        .append(".getRow(").append(index).append(", ").append(fields).append(");\n");
    for (int f = 0; f < fields; f++) {
      RelDataType fieldType = elementType.getFieldList().get(f).getType();
      code.append(set(g.readField(row, String.valueOf(f), fieldType), columns, column + f));
    }
    return code.append("}\n").toString();
  }

  private static String set(GeneratedExpr value, RowType columns, int column) {
    return value.code() + "if (" + value.nullTerm() + ") {\nelement.setNullAt(" + column
        + ");\n} else {\n" + JavaTypes.write("element", column, columns.typeAt(column),
            value.valueTerm()) + "\n}\n";
  }
}
