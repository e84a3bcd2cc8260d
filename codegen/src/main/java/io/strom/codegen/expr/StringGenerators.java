package io.strom.codegen.expr;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.sql.fun.SqlLikeOperator;
import org.apache.calcite.sql.fun.SqlTrimFunction;

/** String functions, LIKE, SIMILAR TO and the REGEXP family. */
final class StringGenerators {
  static final String S = "io.strom.runtime.functions.StringFunctions.";
  static final String R = "io.strom.runtime.functions.RegexFunctions.";

  private StringGenerators() {}

  /** {@code method(operands...)}, NULL when any operand is (or when it returns null). */
  static GeneratedExpr function(ExprCodeGenerator g, RexCall call, String method, boolean nullable) {
    List<GeneratedExpr> ops = g.operands(call);
    List<String> args = new ArrayList<>();
    for (GeneratedExpr op : ops) {
      args.add(op.valueTerm());
    }
    return g.call(call.getType(), ops, method + "(" + String.join(", ", args) + ")", nullable,
        false);
  }

  static GeneratedExpr concat(ExprCodeGenerator g, RexCall call) {
    List<GeneratedExpr> ops = g.operands(call);
    List<String> args = new ArrayList<>();
    for (GeneratedExpr op : ops) {
      args.add(op.valueTerm());
    }
    return g.strict(call.getType(), ops,
        S + "concat(new " + JavaTypes.STRING + "[] {" + String.join(", ", args) + "})");
  }

  /** CONCAT_WS: NULL only when the separator is; NULL strings are skipped. */
  static GeneratedExpr concatWs(ExprCodeGenerator g, RexCall call) {
    List<GeneratedExpr> ops = g.operands(call);
    StringBuilder code = new StringBuilder();
    List<String> args = new ArrayList<>();
    for (int i = 1; i < ops.size(); i++) {
      GeneratedExpr op = ops.get(i);
      code.append(op.code());
      args.add(op.neverNull() ? op.valueTerm()
          : "(" + op.nullTerm() + " ? null : " + op.valueTerm() + ")");
    }
    GeneratedExpr separator = ops.get(0);
    GeneratedExpr sep = new GeneratedExpr(code + separator.code(), separator.nullTerm(),
        separator.valueTerm(), separator.type());
    return g.strict(call.getType(), List.of(sep), S + "concatWs(" + separator.valueTerm()
        + ", new " + JavaTypes.STRING + "[] {" + String.join(", ", args) + "})");
  }

  static GeneratedExpr trim(ExprCodeGenerator g, RexCall call) {
    SqlTrimFunction.Flag flag = ((RexLiteral) call.getOperands().get(0))
        .getValueAs(SqlTrimFunction.Flag.class);
    GeneratedExpr chars = g.generate(call.getOperands().get(1));
    GeneratedExpr str = g.generate(call.getOperands().get(2));
    boolean leading = flag != SqlTrimFunction.Flag.TRAILING;
    boolean trailing = flag != SqlTrimFunction.Flag.LEADING;
    return g.strict(call.getType(), List.of(chars, str), S + "trim(" + str.valueTerm() + ", "
        + leading + ", " + trailing + ", " + chars.valueTerm() + ")");
  }

  /** POSITION(a IN b [FROM n]) and LOCATE(a, b [, n]). */
  static GeneratedExpr locate(ExprCodeGenerator g, RexCall call) {
    List<GeneratedExpr> ops = g.operands(call);
    String from = ops.size() > 2 ? ops.get(2).valueTerm() : "1L";
    return g.strict(call.getType(), ops, S + "locate(" + ops.get(0).valueTerm() + ", "
        + ops.get(1).valueTerm() + ", " + from + ")");
  }

  /** LIKE / SIMILAR TO and their negations, with an optional escape. */
  static GeneratedExpr like(ExprCodeGenerator g, RexCall call, boolean similar) {
    List<GeneratedExpr> ops = g.operands(call);
    String escape = ops.size() > 2 ? ops.get(2).valueTerm() : "null";
    boolean negated = call.getOperator() instanceof SqlLikeOperator like && like.isNegated()
        || call.getOperator().getName().startsWith("NOT ");
    String test = R + (similar ? "similar(" : "like(") + ops.get(0).valueTerm() + ", "
        + ops.get(1).valueTerm() + ", " + escape + ")";
    return g.strict(call.getType(), ops, negated ? "!" + test : test);
  }

  static GeneratedExpr regexpExtract(ExprCodeGenerator g, RexCall call) {
    List<GeneratedExpr> ops = g.operands(call);
    String group = ops.size() > 2 ? ops.get(2).valueTerm() : "0L";
    return g.strictNullable(call.getType(), ops, R + "regexpExtract(" + ops.get(0).valueTerm()
        + ", " + ops.get(1).valueTerm() + ", " + group + ")");
  }
}
