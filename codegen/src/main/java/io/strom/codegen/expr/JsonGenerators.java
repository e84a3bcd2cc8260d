package io.strom.codegen.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/** JSON_VALUE, JSON_QUERY, JSON_EXISTS, JSON_OBJECT and JSON_ARRAY. */
final class JsonGenerators {
  private static final String J = "io.strom.runtime.functions.JsonFunctions.";

  private JsonGenerators() {}

  private static String flag(RexNode node) {
    Object value = ((RexLiteral) node).getValue();
    return value instanceof Enum<?> e ? e.name() : String.valueOf(value);
  }

  /** The ON EMPTY and ON ERROR clauses of JSON_VALUE: behavior names and DEFAULT expressions. */
  private record Clauses(String onEmpty, RexNode emptyDefault, String onError, RexNode errorDefault) {
    static Clauses of(List<RexNode> operands) {
      String onEmpty = "NULL";
      String onError = "NULL";
      RexNode emptyDefault = null;
      RexNode errorDefault = null;
      int i = 2;
      while (i < operands.size()) {
        String behavior = flag(operands.get(i++));
        RexNode value = null;
        if (behavior.equals("DEFAULT")) {
          value = operands.get(i++);
        }
        String target = flag(operands.get(i++));
        if (target.equals("EMPTY")) {
          onEmpty = behavior;
          emptyDefault = value;
        } else {
          onError = behavior;
          errorDefault = value;
        }
      }
      return new Clauses(onEmpty, emptyDefault, onError, errorDefault);
    }
  }

  /**
   * {@code IS [NOT] JSON [VALUE | SCALAR | ARRAY | OBJECT]}, typed BOOLEAN NOT NULL as in Flink:
   * NULL text is not JSON.
   */
  static GeneratedExpr isJson(ExprCodeGenerator g, RexCall call, String name) {
    GeneratedExpr text = g.generate(call.getOperands().get(0));
    boolean negated = name.startsWith("IS NOT JSON");
    String kind = name.substring(name.lastIndexOf(' ') + 1);
    String test = J + "isJson(" + text.nullTerm() + " ? null : " + text.valueTerm() + ", \""
        + kind + "\")";
    String valueTerm = g.context().newName("result");
    String code = text.code() + "boolean " + valueTerm + " = " + (negated ? "!" : "") + test + ";\n";
    return new GeneratedExpr(code, "false", valueTerm, call.getType());
  }

  static GeneratedExpr jsonValue(ExprCodeGenerator g, RexCall call) {
    RelDataType type = call.getType();
    CodeGenContext c = g.context();
    GeneratedExpr json = g.generate(call.getOperands().get(0));
    GeneratedExpr path = g.generate(call.getOperands().get(1));
    Clauses clauses = Clauses.of(call.getOperands());
    String nullTerm = c.newName("isNull");
    String valueTerm = c.newName("result");
    String raw = c.newName("raw");
    String text = c.newName("text");
    String error = c.newName("error");
    RelDataType string = g.typeFactory().createSqlType(SqlTypeName.VARCHAR, Integer.MAX_VALUE);
    GeneratedExpr converted = CastGenerator.cast(
        g, new GeneratedExpr("", "false", text, string), type, false);
    StringBuilder code = new StringBuilder(json.code()).append(path.code())
        .append("boolean ").append(nullTerm).append(" = ").append(json.nullTerm()).append(" || ")
        .append(path.nullTerm()).append(";\n")
        .append(JavaTypes.of(type)).append(' ').append(valueTerm).append(" = ")
        .append(JavaTypes.defaultValue(type)).append(";\n")
        .append("if (!").append(nullTerm).append(") {\n")
        .append("Object ").append(raw).append(" = ").append(J).append("jsonValue(")
        .append(json.valueTerm()).append(", ").append(path.valueTerm()).append(", ")
        .append(behavior(clauses.onEmpty())).append(", ").append(behavior(clauses.onError()))
        .append(");\n")
        .append("if (").append(raw).append(" == ").append(J).append("EMPTY_DEFAULT) {\n")
        .append(assignDefault(g, clauses.emptyDefault(), type, nullTerm, valueTerm))
        .append("} else if (").append(raw).append(" == ").append(J).append("ERROR_DEFAULT) {\n")
        .append(assignDefault(g, clauses.errorDefault(), type, nullTerm, valueTerm))
        .append("} else if (").append(raw).append(" == null) {\n")
        .append(nullTerm).append(" = true;\n")
        .append("} else {\n")
        .append(JavaTypes.STRING).append(' ').append(text).append(" = (").append(JavaTypes.STRING)
        .append(") ").append(raw).append(";\n")
        .append("try {\n").append(converted.code())
        .append(nullTerm).append(" = ").append(converted.nullTerm()).append(";\n")
        .append(valueTerm).append(" = ").append(converted.valueTerm()).append(";\n")
        .append("} catch (io.strom.runtime.functions.EvaluationException ")
        .append(error).append(") {\n");
    if (clauses.onError().equals("ERROR")) {
      code.append("throw ").append(error).append(";\n");
    } else {
      code.append(assignDefault(g, clauses.errorDefault(), type, nullTerm, valueTerm));
    }
    code.append("}\n}\n}\n");
    return new GeneratedExpr(code.toString(), nullTerm, valueTerm, type);
  }

  private static String assignDefault(
      ExprCodeGenerator g, RexNode value, RelDataType type, String nullTerm, String valueTerm) {
    if (value == null) {
      return nullTerm + " = true;\n";
    }
    GeneratedExpr e = CastGenerator.convert(g, g.generate(value), type);
    return e.code() + nullTerm + " = " + e.nullTerm() + ";\n"
        + "if (!" + nullTerm + ") {\n" + valueTerm + " = " + e.valueTerm() + ";\n}\n";
  }

  private static String behavior(String name) {
    String b;
    switch (name) {
      case "ERROR": b = "ERROR"; break;
      case "DEFAULT": b = "DEFAULT"; break;
      case "EMPTY_ARRAY": b = "EMPTY_ARRAY"; break;
      case "EMPTY_OBJECT": b = "EMPTY_OBJECT"; break;
      default: b = "NULL";
    }
    return J + "Behavior." + b;
  }

  static GeneratedExpr jsonQuery(ExprCodeGenerator g, RexCall call) {
    List<GeneratedExpr> ops = new ArrayList<>();
    ops.add(g.generate(call.getOperands().get(0)));
    ops.add(g.generate(call.getOperands().get(1)));
    String wrapper = flag(call.getOperands().get(2));
    String w = wrapper.contains("UNCONDITIONAL") ? "UNCONDITIONAL"
        : wrapper.contains("CONDITIONAL") ? "CONDITIONAL" : "WITHOUT";
    String onEmpty = behavior(flag(call.getOperands().get(3)));
    String onError = behavior(flag(call.getOperands().get(4)));
    // RETURNING ARRAY<STRING> gives the array's elements; otherwise the JSON text.
    String function = call.getType().getSqlTypeName() == SqlTypeName.ARRAY
        ? "jsonQueryArray(" : "jsonQuery(";
    return g.strictNullable(call.getType(), ops, J + function + ops.get(0).valueTerm() + ", "
        + ops.get(1).valueTerm() + ", " + J + "Wrapper." + w + ", " + onEmpty + ", " + onError
        + ")");
  }

  static GeneratedExpr jsonExists(ExprCodeGenerator g, RexCall call) {
    List<GeneratedExpr> ops = new ArrayList<>();
    ops.add(g.generate(call.getOperands().get(0)));
    ops.add(g.generate(call.getOperands().get(1)));
    String onError = call.getOperands().size() > 2
        ? flag(call.getOperands().get(2)).toUpperCase(Locale.ROOT) : "FALSE";
    return g.strictNullable(call.getType(), ops, J + "jsonExists(" + ops.get(0).valueTerm()
        + ", " + ops.get(1).valueTerm() + ", " + JavaTypes.quote(onError) + ")");
  }

  /** JSON_OBJECT (keys and values alternate) or JSON_ARRAY; never NULL. */
  static GeneratedExpr constructor(ExprCodeGenerator g, RexCall call, boolean object) {
    boolean nullOnNull = flag(call.getOperands().get(0)).equals("NULL_ON_NULL");
    StringBuilder code = new StringBuilder();
    List<String> values = new ArrayList<>();
    List<RexNode> operands = call.getOperands();
    for (int i = 1; i < operands.size(); i++) {
      RexNode operand = operands.get(i);
      boolean raw = operand.getKind() == SqlKind.JSON_VALUE_EXPRESSION
          || operand instanceof RexCall nested && nested.getOperands().size() == 1
              && nested.getOperator().getName().equals("JSON_TYPE");
      GeneratedExpr e = g.generate(raw ? ((RexCall) operand).getOperands().get(0) : operand);
      code.append(e.code());
      String value = raw ? "new " + J + "RawJson(" + e.valueTerm() + ")" : javaValue(g, e);
      values.add(e.neverNull() ? value : "(" + e.nullTerm() + " ? null : " + value + ")");
    }
    String valueTerm = g.context().newName("result");
    code.append(JavaTypes.STRING).append(' ').append(valueTerm).append(" = ").append(J)
        .append(object ? "jsonObject(" : "jsonArray(").append(nullOnNull)
        .append(", new Object[] {").append(String.join(", ", values)).append("});\n");
    return new GeneratedExpr(code.toString(), "false", valueTerm, call.getType());
  }

  /** A Java object for a JSON value: Boolean, Long, Double, DecimalData or text. */
  private static String javaValue(ExprCodeGenerator g, GeneratedExpr e) {
    RelDataType t = e.type();
    String v = e.valueTerm();
    if (t.getSqlTypeName() == SqlTypeName.BOOLEAN) {
      return "Boolean.valueOf(" + v + ")";
    }
    if (SqlTypeUtil.isExactNumeric(t) && !SqlTypeUtil.isDecimal(t)) {
      return "Long.valueOf((long) " + v + ")";
    }
    if (SqlTypeUtil.isApproximateNumeric(t)) {
      return "Double.valueOf((double) " + v + ")";
    }
    if (SqlTypeUtil.isDecimal(t) || SqlTypeUtil.isCharacter(t)) {
      return v;
    }
    String cast = "io.strom.runtime.functions.CastFunctions.";
    switch (t.getSqlTypeName()) {
      case DATE: return cast + "fromDate(" + v + ")";
      case TIME: return cast + "fromTime(" + v + ", " + t.getPrecision() + ")";
      case TIMESTAMP: return cast + "fromTimestamp(" + v + ", " + t.getPrecision() + ")";
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        return cast + "fromTimestampLtz(" + v + ", " + t.getPrecision() + ", "
            + g.context().zone() + ")";
      default: return "String.valueOf(" + v + ")";
    }
  }
}
