package io.strom.codegen.expr;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeName;

/** Element access {@code a[i]} and {@code m[k]}, the ARRAY, MAP and ROW constructors, CARDINALITY and ELEMENT. */
final class CollectionGenerators {
  private static final String C = "io.strom.runtime.functions.CollectionFunctions.";

  private CollectionGenerators() {}

  /** {@code array[index]} (1-based; NULL when out of range) or {@code map[key]} (NULL when absent). */
  static GeneratedExpr item(ExprCodeGenerator g, RexCall call) {
    List<GeneratedExpr> ops = g.operands(call);
    GeneratedExpr container = ops.get(0);
    GeneratedExpr key = ops.get(1);
    RelDataType type = call.getType();
    CodeGenContext c = g.context();
    String index = c.newName("index");
    String nullTerm = c.newName("isNull");
    String valueTerm = c.newName("result");
    StringBuilder code = new StringBuilder(container.code()).append(key.code())
        .append("boolean ").append(nullTerm).append(" = ").append(container.nullTerm())
        .append(" || ").append(key.nullTerm()).append(";\n")
        .append(JavaTypes.of(type)).append(' ').append(valueTerm).append(" = ")
        .append(JavaTypes.defaultValue(type)).append(";\n")
        .append("if (!").append(nullTerm).append(") {\n");
    String source;
    if (container.type().getSqlTypeName() == SqlTypeName.ARRAY) {
      source = container.valueTerm();
      code.append("int ").append(index).append(" = ").append(C).append("arrayIndex(")
          .append(source).append(", (long) ").append(key.valueTerm()).append(");\n");
    } else {
      source = container.valueTerm() + ".valueArray()";
      code.append("int ").append(index).append(" = ").append(C).append("mapIndex(")
          .append(container.valueTerm()).append(", ").append(boxed(key)).append(");\n");
    }
    code.append(nullTerm).append(" = ").append(index).append(" < 0 || ").append(source)
        .append(".isNullAt(").append(index).append(");\n")
        .append("if (!").append(nullTerm).append(") {\n").append(valueTerm).append(" = ")
        .append(JavaTypes.read(source, index, type)).append(";\n}\n}\n");
    return new GeneratedExpr(code.toString(), nullTerm, valueTerm, type);
  }

  private static String boxed(GeneratedExpr key) {
    return JavaTypes.isPrimitive(key.type())
        ? JavaTypes.boxed(key.type()) + ".valueOf(" + key.valueTerm() + ")" : key.valueTerm();
  }

  /** {@code ARRAY[a, b, ...]}: a generic array of the (boxed) element values. */
  static GeneratedExpr arrayConstructor(ExprCodeGenerator g, RexCall call) {
    RelDataType elementType = call.getType().getComponentType();
    StringBuilder code = new StringBuilder();
    java.util.List<String> elements = new java.util.ArrayList<>();
    for (org.apache.calcite.rex.RexNode operand : call.getOperands()) {
      GeneratedExpr e = g.convert(g.generate(operand), elementType);
      code.append(e.code());
      String value = JavaTypes.isPrimitive(elementType)
          ? JavaTypes.boxed(elementType) + ".valueOf(" + e.valueTerm() + ")" : e.valueTerm();
      elements.add(e.neverNull() ? value : "(" + e.nullTerm() + " ? null : " + value + ")");
    }
    String valueTerm = g.context().newName("array");
    code.append("io.strom.data.ArrayData ").append(valueTerm)
        .append(" = new io.strom.data.GenericArray(new Object[] {")
        .append(String.join(", ", elements)).append("});\n");
    return new GeneratedExpr(code.toString(), "false", valueTerm, call.getType());
  }

  /**
   * {@code MAP[k1, v1, k2, v2, ...]}: a generic map in the order of the keys' first appearance; a
   * repeated key takes its last value.
   */
  static GeneratedExpr mapConstructor(ExprCodeGenerator g, RexCall call) {
    RelDataType keyType = call.getType().getKeyType();
    RelDataType valueType = call.getType().getValueType();
    String entries = g.context().newName("entries");
    StringBuilder code = new StringBuilder("java.util.Map ").append(entries)
        .append(" = new java.util.LinkedHashMap();\n");
    List<org.apache.calcite.rex.RexNode> operands = call.getOperands();
    for (int i = 0; i + 1 < operands.size(); i += 2) {
      GeneratedExpr key = g.convert(g.generate(operands.get(i)), keyType);
      GeneratedExpr value = g.convert(g.generate(operands.get(i + 1)), valueType);
      code.append(key.code()).append(value.code()).append(entries).append(".put(")
          .append(boxedOrNull(key)).append(", ").append(boxedOrNull(value)).append(");\n");
    }
    String valueTerm = g.context().newName("map");
    code.append("io.strom.data.MapData ").append(valueTerm)
        .append(" = new io.strom.data.GenericMap(").append(entries).append(");\n");
    return new GeneratedExpr(code.toString(), "false", valueTerm, call.getType());
  }

  /** {@code ROW(a, b, ...)}: a generic row of the field values. */
  static GeneratedExpr rowConstructor(ExprCodeGenerator g, RexCall call) {
    List<org.apache.calcite.rel.type.RelDataTypeField> fields = call.getType().getFieldList();
    String valueTerm = g.context().newName("row");
    StringBuilder code = new StringBuilder("io.strom.data.GenericRow ").append(valueTerm)
        .append(" = new io.strom.data.GenericRow(").append(fields.size()).append(");\n");
    for (int i = 0; i < fields.size(); i++) {
      GeneratedExpr field = g.convert(g.generate(call.getOperands().get(i)), fields.get(i).getType());
      code.append(field.code()).append(valueTerm).append(".setField(").append(i).append(", ")
          .append(boxedOrNull(field)).append(");\n");
    }
    return new GeneratedExpr(code.toString(), "false", valueTerm, call.getType());
  }

  /** The value boxed, or null when it is NULL. */
  private static String boxedOrNull(GeneratedExpr e) {
    String value = boxed(e);
    return e.neverNull() ? value : "(" + e.nullTerm() + " ? null : " + value + ")";
  }

  static GeneratedExpr cardinality(ExprCodeGenerator g, RexCall call) {
    GeneratedExpr c = g.generate(call.getOperands().get(0));
    return g.strict(call.getType(), List.of(c), c.valueTerm() + ".size()");
  }

  /**
   * MAP_KEYS or MAP_VALUES ({@code method}, {@code mapKeys} or {@code mapValues} of the runtime's
   * CollectionFunctions): one of the map's parallel arrays, as it is.
   */
  static GeneratedExpr mapPart(ExprCodeGenerator g, RexCall call, String method) {
    GeneratedExpr map = g.generate(call.getOperands().get(0));
    return g.strict(call.getType(), List.of(map), C + method + "(" + map.valueTerm() + ")");
  }

  /** ARRAY_CONTAINS(array, element): NULL only when the array is; a NULL element finds NULLs. */
  static GeneratedExpr arrayContains(ExprCodeGenerator g, RexCall call) {
    GeneratedExpr array = g.generate(call.getOperands().get(0));
    GeneratedExpr needle = needle(g, call.getOperands().get(1), array.type().getComponentType());
    GeneratedExpr withCode = new GeneratedExpr(
        array.code() + needle.code(), array.nullTerm(), array.valueTerm(), array.type());
    return g.strict(call.getType(), List.of(withCode),
        C + "arrayContains(" + array.valueTerm() + ", " + needle.valueTerm() + ")");
  }

  /**
   * The value searched for in an array of {@code elementType} elements (ARRAY_CONTAINS,
   * ARRAY_REMOVE, ARRAY_POSITION): the value term is an {@code Object} variable holding the boxed
   * needle converted to the element type, null when the needle is NULL, and {@code NO_MATCH} of
   * the runtime's CollectionFunctions when it does not fit the element type (a DECIMAL too wide).
   * The null term is the needle's own.
   */
  static GeneratedExpr needle(ExprCodeGenerator g, RexNode operand, RelDataType elementType) {
    GeneratedExpr original = g.generate(operand);
    // A NULL needle needs no converting (converting a NULL constant DECIMAL does not compile).
    GeneratedExpr element = original.nullTerm().equals("true")
        ? original : g.convert(original, elementType);
    String needle = g.context().newName("needle");
    String needleCode;
    if (original.nullTerm().equals("true")) {
      needleCode = "Object " + needle + " = null;\n";
    } else if (element.neverNull()) {
      needleCode = "Object " + needle + " = " + boxed(element) + ";\n";
    } else {
      // Constant conditions are left out: the compiler fails on branches it knows are dead.
      String fits = "if (" + element.nullTerm() + ") {\n" + needle + " = " + C + "NO_MATCH;\n"
          + "} else {\n" + needle + " = " + boxed(element) + ";\n}\n";
      needleCode = "Object " + needle + " = null;\n"
          + (original.neverNull() ? fits : "if (!" + original.nullTerm() + ") {\n" + fits + "}\n");
    }
    return new GeneratedExpr(element.code() + needleCode, original.nullTerm(), needle, elementType);
  }

  /** ELEMENT: the only element of an array, NULL for an empty one, an error for more. */
  static GeneratedExpr element(ExprCodeGenerator g, RexCall call) {
    GeneratedExpr array = g.generate(call.getOperands().get(0));
    RelDataType type = call.getType();
    CodeGenContext c = g.context();
    String nullTerm = c.newName("isNull");
    String valueTerm = c.newName("result");
    String a = array.valueTerm();
    String code = array.code()
        + "boolean " + nullTerm + " = " + array.nullTerm() + " || " + C + "singleIndex(" + a
        + ") < 0 || " + a + ".isNullAt(0);\n"
        + JavaTypes.of(type) + " " + valueTerm + " = " + nullTerm + " ? "
        + JavaTypes.defaultValue(type) + " : " + JavaTypes.read(a, "0", type) + ";\n";
    return new GeneratedExpr(code, nullTerm, valueTerm, type);
  }
}
