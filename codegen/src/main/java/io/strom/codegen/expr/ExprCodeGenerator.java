package io.strom.codegen.expr;

import io.strom.codegen.UnsupportedExpressionException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.rex.RexVisitorImpl;

/**
 * Generates Java code for Calcite row expressions ({@link RexNode}) over one input row, with SQL's
 * NULL semantics: most functions are NULL when an argument is; AND and OR are three-valued; CASE
 * evaluates only the branch it takes. Values stay in their internal, unboxed Java types.
 *
 * <p>Local references must be expanded by the caller ({@code RexProgram.expandLocalRef}).
 * Expressions with no generator fail here, at planning time, with {@link
 * UnsupportedExpressionException}.
 */
public final class ExprCodeGenerator {
  private final CodeGenContext context;
  private final String inputTerm;
  private final RexBuilder rexBuilder;

  /**
   * @param context the class being generated
   * @param inputTerm the Java variable holding the input {@link io.strom.data.Row}
   * @param rexBuilder the builder of the plan's expressions, for its type factory
   */
  public ExprCodeGenerator(CodeGenContext context, String inputTerm, RexBuilder rexBuilder) {
    this.context = context;
    this.inputTerm = inputTerm;
    this.rexBuilder = rexBuilder;
  }

  public CodeGenContext context() {
    return context;
  }

  public RelDataTypeFactory typeFactory() {
    return rexBuilder.getTypeFactory();
  }

  /** The Java variable holding the input row. */
  public String inputTerm() {
    return inputTerm;
  }

  public RexBuilder rexBuilder() {
    return rexBuilder;
  }

  /** Generates {@code node}; SEARCH calls are expanded to comparisons first. */
  public GeneratedExpr generate(RexNode node) {
    RexNode expanded = RexUtil.expandSearch(rexBuilder, null, node);
    GeneratedExpr result = expanded.accept(new Visitor());
    if (result == null) {
      throw new UnsupportedExpressionException(
          "Expression '" + node + "' is not supported yet");
    }
    return result;
  }

  /** Generates every operand of {@code call}. */
  public List<GeneratedExpr> operands(RexCall call) {
    List<GeneratedExpr> operands = new ArrayList<>();
    for (RexNode operand : call.getOperands()) {
      operands.add(generate(operand));
    }
    return operands;
  }

  /** Visits the expression kinds that generate code; the rest return null. */
  private final class Visitor extends RexVisitorImpl<GeneratedExpr> {
    Visitor() {
      super(false);
    }

    @Override
    public GeneratedExpr visitInputRef(RexInputRef ref) {
      return readField(inputTerm, String.valueOf(ref.getIndex()), ref.getType());
    }

    @Override
    public GeneratedExpr visitLiteral(RexLiteral literal) {
      return Literals.generate(context, literal);
    }

    @Override
    public GeneratedExpr visitCall(RexCall call) {
      return CallGenerators.generate(ExprCodeGenerator.this, call);
    }

    @Override
    public GeneratedExpr visitFieldAccess(RexFieldAccess access) {
      GeneratedExpr row = generate(access.getReferenceExpr());
      GeneratedExpr field = readField(
          row.valueTerm(), String.valueOf(access.getField().getIndex()), access.getType());
      String nullTerm = context.newName("isNull");
      String valueTerm = context.newName("field");
      String code = row.code()
          + "boolean " + nullTerm + " = " + row.nullTerm() + ";\n"
          + JavaTypes.of(access.getType()) + " " + valueTerm + " = "
          + JavaTypes.defaultValue(access.getType()) + ";\n"
          + "if (!" + nullTerm + ") {\n" + field.code()
          + nullTerm + " = " + field.nullTerm() + ";\n"
          + valueTerm + " = " + field.valueTerm() + ";\n}\n";
      return new GeneratedExpr(code, nullTerm, valueTerm, access.getType());
    }
  }

  /** Reads position {@code pos} of {@code getters} (row or array) into fresh variables. */
  public GeneratedExpr readField(String getters, String pos, RelDataType type) {
    String nullTerm = context.newName("isNull");
    String valueTerm = context.newName("field");
    String code = "boolean " + nullTerm + " = " + getters + ".isNullAt(" + pos + ");\n"
        + JavaTypes.of(type) + " " + valueTerm + " = " + nullTerm + " ? "
        + JavaTypes.defaultValue(type) + " : " + JavaTypes.read(getters, pos, type) + ";\n";
    return new GeneratedExpr(code, nullTerm, valueTerm, type);
  }

  // ---- helpers for call generators -------------------------------------------------------------

  private static String concatCode(List<GeneratedExpr> operands) {
    StringBuilder sb = new StringBuilder();
    for (GeneratedExpr operand : operands) {
      sb.append(operand.code());
    }
    return sb.toString();
  }

  private static String anyNull(List<GeneratedExpr> operands) {
    StringBuilder sb = new StringBuilder();
    for (GeneratedExpr operand : operands) {
      if (!operand.neverNull()) {
        sb.append(sb.length() == 0 ? "" : " || ").append(operand.nullTerm());
      }
    }
    return sb.length() == 0 ? "false" : sb.toString();
  }

  /**
   * A function that is NULL when any operand is and otherwise computes {@code valueExpr} (which
   * may use the operands' value terms and never yields null).
   */
  public GeneratedExpr strict(RelDataType type, List<GeneratedExpr> operands, String valueExpr) {
    return call(type, operands, valueExpr, false, false);
  }

  /**
   * Like {@link #strict}, but {@code valueExpr} yields a reference (boxed for primitive types)
   * that is null when the result is NULL.
   */
  public GeneratedExpr strictNullable(
      RelDataType type, List<GeneratedExpr> operands, String valueExpr) {
    return call(type, operands, valueExpr, true, false);
  }

  /**
   * A strict call; {@code nullableResult} when {@code valueExpr} may yield null, {@code
   * catchErrors} to turn an {@link io.strom.runtime.functions.EvaluationException} into NULL.
   */
  public GeneratedExpr call(RelDataType type, List<GeneratedExpr> operands, String valueExpr,
      boolean nullableResult, boolean catchErrors) {
    String nullTerm = context.newName("isNull");
    String valueTerm = context.newName("result");
    String anyNull = anyNull(operands);
    StringBuilder code = new StringBuilder(concatCode(operands))
        .append("boolean ").append(nullTerm).append(" = ").append(anyNull).append(";\n")
        .append(JavaTypes.of(type)).append(' ').append(valueTerm).append(" = ")
        .append(JavaTypes.defaultValue(type)).append(";\n")
        .append("if (!").append(nullTerm).append(") {\n");
    if (catchErrors) {
      code.append("try {\n");
    }
    if (!nullableResult) {
      code.append(valueTerm).append(" = ").append(valueExpr).append(";\n");
    } else if (JavaTypes.isPrimitive(type)) {
      String boxed = context.newName("boxed");
      code.append(JavaTypes.boxed(type)).append(' ').append(boxed).append(" = ")
          .append(valueExpr).append(";\n")
          .append(nullTerm).append(" = ").append(boxed).append(" == null;\n")
          .append("if (!").append(nullTerm).append(") {\n").append(valueTerm).append(" = ")
          .append(boxed).append(";\n}\n");
    } else {
      code.append(valueTerm).append(" = (").append(JavaTypes.of(type)).append(") ")
          .append(valueExpr).append(";\n")
          .append(nullTerm).append(" = ").append(valueTerm).append(" == null;\n");
    }
    if (catchErrors) {
      code.append("} catch (io.strom.runtime.functions.EvaluationException ")
          .append(context.newName("error")).append(") {\n")
          .append(nullTerm).append(" = true;\n}\n");
    }
    code.append("}\n");
    boolean neverNull = anyNull.equals("false") && !nullableResult && !catchErrors;
    return new GeneratedExpr(code.toString(), neverNull ? "false" : nullTerm, valueTerm, type);
  }

  /** Converts a non-null numeric value term to the Java type of numeric {@code target}. */
  public String numeric(GeneratedExpr operand, RelDataType target) {
    String value = operand.valueTerm();
    String from = JavaTypes.of(operand.type());
    String to = JavaTypes.of(target);
    if (to.equals(JavaTypes.DECIMAL)) {
      if (from.equals(JavaTypes.DECIMAL)) {
        return value;
      }
      if (from.equals("double") || from.equals("float")) {
        return "io.strom.runtime.functions.CastFunctions.fromDoubleToDecimal(" + value + ", 38, "
            + Math.max(target.getScale(), 18) + ")";
      }
      return "io.strom.runtime.functions.DecimalFunctions.fromLong((long) " + value + ")";
    }
    if (from.equals(JavaTypes.DECIMAL)) {
      String asDouble = "io.strom.runtime.functions.DecimalFunctions.toDouble(" + value + ")";
      return to.equals("double") ? asDouble : "((" + to + ") " + asDouble + ")";
    }
    return from.equals(to) ? value : "((" + to + ") " + value + ")";
  }

  /** Converts {@code e} to {@code target} as an implicit cast would, e.g. for an output field. */
  public GeneratedExpr convert(GeneratedExpr e, RelDataType target) {
    return CastGenerator.convert(this, e, target);
  }

  /** Wraps a Java expression so it is evaluated as the Java type of {@code type}. */
  public static String castJava(String expr, RelDataType type) {
    return "((" + JavaTypes.of(type) + ") (" + expr + "))";
  }
}
