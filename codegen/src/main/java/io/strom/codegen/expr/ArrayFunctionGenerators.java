package io.strom.codegen.expr;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;

/**
 * Flink's array and map built-ins that build a new collection or search one (ARRAY_DISTINCT,
 * ARRAY_SLICE, ARRAY_MAX, MAP_UNION, ...). Each collection operand is copied into an {@code
 * Object[]} of boxed element values, converted to the result's element type, and handed to the
 * runtime's ArrayFunctions; all of them are NULL when a collection operand is.
 */
final class ArrayFunctionGenerators {
  private static final String A = "io.strom.runtime.functions.ArrayFunctions.";

  private ArrayFunctionGenerators() {}

  /** ARRAY_DISTINCT, ARRAY_REVERSE: {@code method} of the array's elements. */
  static GeneratedExpr unary(ExprCodeGenerator g, RexCall call, String method) {
    GeneratedExpr array = elements(g, call.getOperands().get(0),
        call.getType().getComponentType());
    return g.strict(call.getType(), List.of(array), A + method + "(" + array.valueTerm() + ")");
  }

  /**
   * ARRAY_REMOVE, ARRAY_POSITION: {@code method} of the elements and the needle. ARRAY_REMOVE is
   * NULL only when the array is (a NULL needle removes NULLs); ARRAY_POSITION also when the
   * needle is, as in Flink.
   */
  static GeneratedExpr search(ExprCodeGenerator g, RexCall call, String method, boolean strictNeedle) {
    RelDataType arrayType = call.getOperands().get(0).getType();
    GeneratedExpr array = elements(g, call.getOperands().get(0), arrayType.getComponentType());
    GeneratedExpr needle = CollectionGenerators.needle(g, call.getOperands().get(1),
        arrayType.getComponentType());
    List<GeneratedExpr> operands = strictNeedle
        ? List.of(array, needle)
        : List.of(new GeneratedExpr(array.code() + needle.code(), array.nullTerm(),
            array.valueTerm(), array.type()));
    return g.strict(call.getType(), operands,
        A + method + "(" + array.valueTerm() + ", " + needle.valueTerm() + ")");
  }

  /** ARRAY_CONCAT, ARRAY_UNION: {@code method} of all arrays' elements, in the common type. */
  static GeneratedExpr combine(ExprCodeGenerator g, RexCall call, String method) {
    RelDataType element = call.getType().getComponentType();
    List<GeneratedExpr> arrays = new ArrayList<>();
    List<String> terms = new ArrayList<>();
    for (RexNode operand : call.getOperands()) {
      GeneratedExpr array = elements(g, operand, element);
      arrays.add(array);
      terms.add(array.valueTerm());
    }
    String arguments = method.equals("concat")
        ? "new Object[][] {" + String.join(", ", terms) + "}" : String.join(", ", terms);
    return g.strict(call.getType(), arrays, A + method + "(" + arguments + ")");
  }

  /** ARRAY_SLICE(array, start [, end]). */
  static GeneratedExpr slice(ExprCodeGenerator g, RexCall call) {
    List<GeneratedExpr> operands = new ArrayList<>();
    operands.add(elements(g, call.getOperands().get(0), call.getType().getComponentType()));
    StringBuilder arguments = new StringBuilder(operands.get(0).valueTerm());
    for (RexNode offset : call.getOperands().subList(1, call.getOperands().size())) {
      GeneratedExpr e = g.generate(offset);
      operands.add(e);
      arguments.append(", (long) ").append(e.valueTerm());
    }
    return g.strict(call.getType(), operands, A + "slice(" + arguments + ")");
  }

  /** ARRAY_MAX, ARRAY_MIN: NULL also when the array has no element that is not NULL. */
  static GeneratedExpr extreme(ExprCodeGenerator g, RexCall call, String method) {
    GeneratedExpr array = elements(g, call.getOperands().get(0), call.getType());
    return g.strictNullable(call.getType(), List.of(array),
        "(" + JavaTypes.boxed(call.getType()) + ") " + A + method + "(" + array.valueTerm() + ")");
  }

  /** ARRAY_JOIN(array, delimiter [, nullReplacement]). */
  static GeneratedExpr join(ExprCodeGenerator g, RexCall call) {
    RexNode arrayOperand = call.getOperands().get(0);
    List<GeneratedExpr> operands = new ArrayList<>();
    operands.add(elements(g, arrayOperand, arrayOperand.getType().getComponentType()));
    for (RexNode operand : call.getOperands().subList(1, call.getOperands().size())) {
      operands.add(g.generate(operand));
    }
    String replacement = operands.size() > 2 ? operands.get(2).valueTerm() : "null";
    return g.strict(call.getType(), operands, A + "join(" + operands.get(0).valueTerm() + ", "
        + operands.get(1).valueTerm() + ", " + replacement + ")");
  }

  /** MAP_ENTRIES(map): an array of {@code ROW(key, value)}. */
  static GeneratedExpr mapEntries(ExprCodeGenerator g, RexCall call) {
    RexNode map = call.getOperands().get(0);
    GeneratedExpr entries = mapElements(g, map, map.getType().getKeyType(),
        map.getType().getValueType());
    return g.strict(call.getType(), List.of(entries), A + "entries(" + entries.valueTerm() + ")");
  }

  /** MAP_FROM_ARRAYS(keys, values): an error when the arrays' lengths differ. */
  static GeneratedExpr mapFromArrays(ExprCodeGenerator g, RexCall call) {
    GeneratedExpr keys = elements(g, call.getOperands().get(0), call.getType().getKeyType());
    GeneratedExpr values = elements(g, call.getOperands().get(1), call.getType().getValueType());
    return g.strict(call.getType(), List.of(keys, values),
        A + "mapFromArrays(" + keys.valueTerm() + ", " + values.valueTerm() + ")");
  }

  /** MAP_UNION(map, ...): the entries of all maps in the common map type, later maps winning. */
  static GeneratedExpr mapUnion(ExprCodeGenerator g, RexCall call) {
    List<GeneratedExpr> maps = new ArrayList<>();
    List<String> terms = new ArrayList<>();
    for (RexNode operand : call.getOperands()) {
      GeneratedExpr map = mapElements(g, operand, call.getType().getKeyType(),
          call.getType().getValueType());
      maps.add(map);
      terms.add(map.valueTerm());
    }
    return g.strict(call.getType(), maps,
        A + "mapUnion(new Object[][] {" + String.join(", ", terms) + "})");
  }

  /**
   * The map operand with code copying its keys and values; the value term is {@code k, v}, the
   * two {@code Object[]} variables, to be used as two arguments.
   */
  private static GeneratedExpr mapElements(ExprCodeGenerator g, RexNode operand,
      RelDataType keyType, RelDataType valueType) {
    GeneratedExpr map = g.generate(operand);
    RelDataType type = operand.getType();
    String keys = g.context().newName("keys");
    String values = g.context().newName("values");
    String code = map.code()
        + copy(g, map.nullTerm(), map.valueTerm() + ".keyArray()", type.getKeyType(), keyType, keys)
        + copy(g, map.nullTerm(), map.valueTerm() + ".valueArray()", type.getValueType(),
            valueType, values);
    return new GeneratedExpr(code, map.nullTerm(), keys + ", " + values, type);
  }

  /**
   * The array operand with code copying its elements, converted to {@code target}, into an
   * {@code Object[]}, which is the value term.
   */
  private static GeneratedExpr elements(ExprCodeGenerator g, RexNode operand, RelDataType target) {
    GeneratedExpr array = g.generate(operand);
    String elements = g.context().newName("elements");
    String code = array.code() + copy(g, array.nullTerm(), array.valueTerm(),
        operand.getType().getComponentType(), target, elements);
    return new GeneratedExpr(code, array.nullTerm(), elements, array.type());
  }

  /**
   * Code declaring {@code Object[] into} with the boxed elements of the ArrayData {@code source}
   * (null elements as null) converted from {@code from} to {@code to}; null while the collection
   * is NULL.
   */
  private static String copy(ExprCodeGenerator g, String collectionNull, String source,
      RelDataType from, RelDataType to, String into) {
    String declaration = "Object[] " + into + " = null;\n";
    if (collectionNull.equals("true")) {
      // A NULL constant: nothing to copy, and no dead branch for the compiler to refuse.
      return declaration;
    }
    CodeGenContext c = g.context();
    String array = c.newName("array");
    String i = c.newName("i");
    String elementNull = c.newName("elementNull");
    String element = c.newName("element");
    GeneratedExpr read = new GeneratedExpr(
        "boolean " + elementNull + " = " + array + ".isNullAt(" + i + ");\n"
            + JavaTypes.of(from) + " " + element + " = " + elementNull + " ? "
            + JavaTypes.defaultValue(from) + " : " + JavaTypes.read(array, i, from) + ";\n",
        elementNull, element, from);
    GeneratedExpr converted = g.convert(read, to);
    String value = JavaTypes.isPrimitive(to)
        ? JavaTypes.boxed(to) + ".valueOf(" + converted.valueTerm() + ")" : converted.valueTerm();
    String loop = "io.strom.data.ArrayData " + array + " = " + source + ";\n"
        + into + " = new Object[" + array + ".size()];\n"
        + "for (int " + i + " = 0; " + i + " < " + into + ".length; " + i + "++) {\n"
        + converted.code()
        + into + "[" + i + "] = " + (converted.neverNull()
            ? value : converted.nullTerm() + " ? null : " + value) + ";\n"
        + "}\n";
    return declaration + (collectionNull.equals("false")
        ? loop : "if (!" + collectionNull + ") {\n" + loop + "}\n");
  }
}
