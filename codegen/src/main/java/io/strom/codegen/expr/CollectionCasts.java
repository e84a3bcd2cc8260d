package io.strom.codegen.expr;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * CAST between ARRAY, MAP or ROW types whose elements or fields need converting, one by one with
 * the cast rules of their types: {@code CAST(ARRAY[1, 2] AS ARRAY<STRING>)}.
 * A NULL element stays NULL. With TRY_CAST an element that does not convert makes the whole
 * value NULL; with CAST it fails the query.
 */
final class CollectionCasts {
  private static final String GENERIC_ARRAY = "io.strom.data.GenericArray";

  private CollectionCasts() {}

  static GeneratedExpr cast(ExprCodeGenerator g, GeneratedExpr e, RelDataType target, boolean tryCast) {
    CodeGenContext c = g.context();
    String nullTerm = c.newName("isNull");
    String valueTerm = c.newName("result");
    String javaType = JavaTypes.of(target);
    StringBuilder code = new StringBuilder(e.code())
        .append("boolean ").append(nullTerm).append(" = ").append(e.nullTerm()).append(";\n")
        .append(javaType).append(' ').append(valueTerm).append(" = null;\n")
        .append("if (!").append(nullTerm).append(") {\n");
    if (tryCast) {
      code.append("try {\n");
    }
    if (target.getSqlTypeName() == SqlTypeName.ROW) {
      String row = row(g, e.valueTerm(), e.type(), target, code);
      code.append(valueTerm).append(" = ").append(row).append(";\n");
    } else if (target.getSqlTypeName() == SqlTypeName.ARRAY) {
      String elements = elements(g, e.valueTerm(), e.type().getComponentType(),
          target.getComponentType(), code);
      code.append(valueTerm).append(" = new ").append(GENERIC_ARRAY).append('(')
          .append(elements).append(");\n");
    } else {
      String keys = elements(g, e.valueTerm() + ".keyArray()", e.type().getKeyType(),
          target.getKeyType(), code);
      String values = elements(g, e.valueTerm() + ".valueArray()", e.type().getValueType(),
          target.getValueType(), code);
      String entries = c.newName("entries");
      String i = c.newName("i");
      // Keys that become equal once converted keep the last value, as in the MAP constructor.
      code.append("java.util.Map ").append(entries).append(" = new java.util.LinkedHashMap();\n")
          .append("for (int ").append(i).append(" = 0; ").append(i).append(" < ").append(keys)
          .append(".length; ").append(i).append("++) {\n")
          .append(entries).append(".put(").append(keys).append('[').append(i).append("], ")
          .append(values).append('[').append(i).append("]);\n}\n")
          .append(valueTerm).append(" = new io.strom.data.GenericMap(").append(entries)
          .append(");\n");
    }
    if (tryCast) {
      code.append("} catch (io.strom.runtime.functions.EvaluationException ")
          .append(c.newName("error")).append(") {\n")
          .append(nullTerm).append(" = true;\n}\n");
    }
    code.append("}\n");
    return new GeneratedExpr(code.toString(), nullTerm, valueTerm, target);
  }

  /** Appends code converting each field of {@code row}; returns the new row's name. */
  private static String row(
      ExprCodeGenerator g, String row, RelDataType from, RelDataType to, StringBuilder code) {
    String out = g.context().newName("row");
    int count = to.getFieldCount();
    code.append("io.strom.data.GenericRow ").append(out)
        .append(" = new io.strom.data.GenericRow(").append(count).append(");\n");
    for (int i = 0; i < count; i++) {
      RelDataType fieldFrom = from.getFieldList().get(i).getType();
      RelDataType fieldTo = to.getFieldList().get(i).getType();
      String field = g.context().newName("field");
      GeneratedExpr converted = CastGenerator.cast(
          g, new GeneratedExpr("", "false", field, fieldFrom), fieldTo, false);
      code.append("if (!").append(row).append(".isNullAt(").append(i).append(")) {\n")
          .append(JavaTypes.of(fieldFrom)).append(' ').append(field).append(" = ")
          .append(JavaTypes.read(row, String.valueOf(i), fieldFrom)).append(";\n")
          .append(converted.code())
          .append(out).append(".setField(").append(i).append(", ")
          .append(boxedOrNull(converted, fieldTo)).append(");\n}\n");
    }
    return out;
  }

  private static String boxedOrNull(GeneratedExpr e, RelDataType type) {
    String boxed = JavaTypes.isPrimitive(type)
        ? JavaTypes.boxed(type) + ".valueOf(" + e.valueTerm() + ")"
        : e.valueTerm();
    return e.neverNull() ? boxed : e.nullTerm() + " ? null : " + boxed;
  }

  /**
   * Appends a loop converting every element of {@code array} (an ArrayData expression) from
   * {@code from} to {@code to}, and returns the name of the Object[] of boxed converted values.
   */
  private static String elements(
      ExprCodeGenerator g, String array, RelDataType from, RelDataType to, StringBuilder code) {
    CodeGenContext c = g.context();
    String source = c.newName("source");
    String out = c.newName("elements");
    String i = c.newName("i");
    String element = c.newName("element");
    GeneratedExpr converted = CastGenerator.cast(
        g, new GeneratedExpr("", "false", element, from), to, false);
    code.append("io.strom.data.ArrayData ").append(source).append(" = ").append(array).append(";\n")
        .append("Object[] ").append(out).append(" = new Object[").append(source)
        .append(".size()];\n")
        .append("for (int ").append(i).append(" = 0; ").append(i).append(" < ").append(source)
        .append(".size(); ").append(i).append("++) {\n")
        .append("if (!").append(source).append(".isNullAt(").append(i).append(")) {\n")
        .append(JavaTypes.of(from)).append(' ').append(element).append(" = ")
        .append(JavaTypes.read(source, i, from)).append(";\n")
        .append(converted.code())
        .append(out).append('[').append(i).append("] = ")
        .append(boxedOrNull(converted, to))
        .append(";\n}\n}\n");
    return out;
  }
}
