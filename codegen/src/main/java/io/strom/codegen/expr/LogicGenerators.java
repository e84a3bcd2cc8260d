package io.strom.codegen.expr;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;

/** AND, OR and NOT with three-valued logic, CASE, COALESCE and the IS predicates. */
final class LogicGenerators {
  private LogicGenerators() {}

  /** AND of all operands, left to right, skipping the rest once one is FALSE. */
  static GeneratedExpr and(ExprCodeGenerator g, RexCall call) {
    return fold(g, call, true);
  }

  /** OR of all operands, left to right, skipping the rest once one is TRUE. */
  static GeneratedExpr or(ExprCodeGenerator g, RexCall call) {
    return fold(g, call, false);
  }

  private static GeneratedExpr fold(ExprCodeGenerator g, RexCall call, boolean isAnd) {
    CodeGenContext c = g.context();
    String nullTerm = c.newName("isNull");
    String valueTerm = c.newName("result");
    // decisive: the value that ends evaluation (FALSE for AND, TRUE for OR)
    String decisive = isAnd ? "false" : "true";
    StringBuilder code = new StringBuilder()
        .append("boolean ").append(nullTerm).append(" = false;\n")
        .append("boolean ").append(valueTerm).append(" = ").append(isAnd).append(";\n");
    String unknown = c.newName("unknown");
    code.append("boolean ").append(unknown).append(" = false;\n");
    int open = 0;
    for (RexNode operand : call.getOperands()) {
      GeneratedExpr e = g.generate(operand);
      code.append(e.code())
          .append("if (!").append(e.nullTerm()).append(" && ").append(e.valueTerm())
          .append(" == ").append(decisive).append(") {\n")
          .append(valueTerm).append(" = ").append(decisive).append(";\n")
          .append("} else {\n")
          .append(unknown).append(" = ").append(unknown).append(" || ").append(e.nullTerm())
          .append(";\n");
      open++;
    }
    code.append(nullTerm).append(" = ").append(unknown).append(";\n");
    code.append("}\n".repeat(open));
    return new GeneratedExpr(code.toString(), nullTerm, valueTerm, call.getType());
  }

  static GeneratedExpr not(ExprCodeGenerator g, RexCall call) {
    GeneratedExpr e = g.generate(call.getOperands().get(0));
    return g.strict(call.getType(), List.of(e), "!" + e.valueTerm());
  }

  /** IS [NOT] NULL, IS [NOT] TRUE, IS [NOT] FALSE: never NULL themselves. */
  static GeneratedExpr is(ExprCodeGenerator g, RexCall call) {
    GeneratedExpr e = g.generate(call.getOperands().get(0));
    String n = e.nullTerm();
    String v = e.valueTerm();
    String test;
    switch (call.getKind()) {
      case IS_NULL: test = n; break;
      case IS_NOT_NULL: test = "!" + n; break;
      case IS_TRUE: test = "!" + n + " && " + v; break;
      case IS_NOT_TRUE: test = n + " || !" + v; break;
      case IS_FALSE: test = "!" + n + " && !" + v; break;
      default: test = n + " || " + v; break;
    }
    String valueTerm = g.context().newName("result");
    String code = e.code() + "boolean " + valueTerm + " = " + test + ";\n";
    return new GeneratedExpr(code, "false", valueTerm, call.getType());
  }

  /** CASE WHEN c1 THEN v1 ... ELSE e END: only the taken branch is evaluated. */
  static GeneratedExpr caseWhen(ExprCodeGenerator g, RexCall call) {
    CodeGenContext c = g.context();
    RelDataType type = call.getType();
    String nullTerm = c.newName("isNull");
    String valueTerm = c.newName("result");
    StringBuilder code = new StringBuilder()
        .append("boolean ").append(nullTerm).append(" = true;\n")
        .append(JavaTypes.of(type)).append(' ').append(valueTerm).append(" = ")
        .append(JavaTypes.defaultValue(type)).append(";\n");
    List<RexNode> operands = call.getOperands();
    int open = 0;
    for (int i = 0; i + 1 < operands.size(); i += 2) {
      GeneratedExpr condition = g.generate(operands.get(i));
      code.append(condition.code())
          .append("if (!").append(condition.nullTerm()).append(" && ")
          .append(condition.valueTerm()).append(") {\n")
          .append(assign(g, operands.get(i + 1), type, nullTerm, valueTerm))
          .append("} else {\n");
      open++;
    }
    if (operands.size() % 2 == 1) {
      code.append(assign(g, operands.get(operands.size() - 1), type, nullTerm, valueTerm));
    }
    code.append("}\n".repeat(open));
    return new GeneratedExpr(code.toString(), nullTerm, valueTerm, type);
  }

  /** COALESCE: the first non-NULL operand, evaluating no further. */
  static GeneratedExpr coalesce(ExprCodeGenerator g, RexCall call) {
    CodeGenContext c = g.context();
    RelDataType type = call.getType();
    String nullTerm = c.newName("isNull");
    String valueTerm = c.newName("result");
    StringBuilder code = new StringBuilder()
        .append("boolean ").append(nullTerm).append(" = true;\n")
        .append(JavaTypes.of(type)).append(' ').append(valueTerm).append(" = ")
        .append(JavaTypes.defaultValue(type)).append(";\n");
    int open = 0;
    for (RexNode operand : call.getOperands()) {
      code.append(assign(g, operand, type, nullTerm, valueTerm))
          .append("if (").append(nullTerm).append(") {\n");
      open++;
    }
    code.append("}\n".repeat(open));
    return new GeneratedExpr(code.toString(), nullTerm, valueTerm, type);
  }

  /** Evaluates {@code node}, converts it to {@code type} and assigns it to the given terms. */
  private static String assign(
      ExprCodeGenerator g, RexNode node, RelDataType type, String nullTerm, String valueTerm) {
    GeneratedExpr e = CastGenerator.convert(g, g.generate(node), type);
    return e.code() + nullTerm + " = " + e.nullTerm() + ";\n"
        + "if (!" + nullTerm + ") {\n" + valueTerm + " = " + e.valueTerm() + ";\n}\n";
  }
}
