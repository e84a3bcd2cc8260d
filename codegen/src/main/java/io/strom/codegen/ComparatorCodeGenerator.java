package io.strom.codegen;

import io.strom.codegen.expr.CodeGenContext;
import io.strom.codegen.expr.JavaTypes;
import io.strom.runtime.generated.GeneratedClass;
import io.strom.runtime.generated.RecordComparator;
import java.util.List;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.type.RelDataType;

/**
 * Generates a {@link RecordComparator} for sort keys: one block per key, in order, that returns as
 * soon as a key differs. NULLs go where the key's collation puts them, whatever its direction.
 */
public final class ComparatorCodeGenerator {
  private ComparatorCodeGenerator() {}

  /**
   * @param inputType the type of the rows compared
   * @param keys the sort keys: input field, direction and place of NULLs
   * @param name what the comparator orders, for the class name
   * @throws UnsupportedExpressionException for a key whose type has no order
   */
  public static GeneratedClass<RecordComparator> generate(
      RelDataType inputType, List<RelFieldCollation> keys, String name) {
    StringBuilder body = new StringBuilder(
        "public int compare(io.strom.data.Row left, io.strom.data.Row right) {\n");
    for (RelFieldCollation key : keys) {
      int field = key.getFieldIndex();
      RelDataType type = inputType.getFieldList().get(field).getType();
      boolean descending = key.getDirection().isDescending();
      boolean nullsFirst = key.nullDirection == RelFieldCollation.NullDirection.FIRST
          || (key.nullDirection == RelFieldCollation.NullDirection.UNSPECIFIED && !descending);
      String pos = String.valueOf(field);
      body.append("{\nboolean leftNull = left.isNullAt(").append(pos)
          .append(");\nboolean rightNull = right.isNullAt(").append(pos).append(");\n")
          .append("if (leftNull != rightNull) {\nreturn leftNull ? ")
          .append(nullsFirst ? "-1 : 1" : "1 : -1").append(";\n}\n")
          .append("if (!leftNull) {\nint c = ")
          .append(compare(type, JavaTypes.read("left", pos, type), JavaTypes.read("right", pos, type)))
          .append(";\nif (c != 0) {\nreturn ").append(descending ? "-c" : "c").append(";\n}\n}\n}\n");
    }
    body.append("return 0;\n}\n");
    String className = ClassWriter.className("Comparator", name);
    String code = ClassWriter.write(className, RecordComparator.class.getName(),
        new CodeGenContext(), List.of(), List.of(body.toString()));
    return new GeneratedClass<>(className, code, new Object[0]);
  }

  private static String compare(RelDataType type, String left, String right) {
    switch (JavaTypes.of(type)) {
      case "boolean": return "Boolean.compare(" + left + ", " + right + ")";
      case "byte": return "Byte.compare(" + left + ", " + right + ")";
      case "short": return "Short.compare(" + left + ", " + right + ")";
      case "int": return "Integer.compare(" + left + ", " + right + ")";
      case "long": return "Long.compare(" + left + ", " + right + ")";
      case "float": return "Float.compare(" + left + ", " + right + ")";
      case "double": return "Double.compare(" + left + ", " + right + ")";
      case JavaTypes.STRING:
      case JavaTypes.DECIMAL:
      case JavaTypes.TIMESTAMP:
        return left + ".compareTo(" + right + ")";
      case "byte[]": return "java.util.Arrays.compareUnsigned(" + left + ", " + right + ")";
      default:
        throw new UnsupportedExpressionException(
            "Sorting by a column of type " + type.getFullTypeString() + " is not supported");
    }
  }
}
