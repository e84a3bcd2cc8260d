package io.strom.codegen;

import io.strom.codegen.expr.CodeGenContext;
import io.strom.codegen.expr.ExprCodeGenerator;
import io.strom.codegen.expr.GeneratedExpr;
import io.strom.codegen.expr.JavaTypes;
import io.strom.codegen.expr.TableFunctionCallGenerator;
import io.strom.codegen.functions.TableFunctionSqlFunction;
import io.strom.codegen.functions.UnnestRows;
import io.strom.codegen.types.StromTypeFactory;
import io.strom.codegen.types.TypeConversions;
import io.strom.runtime.generated.CorrelateFunction;
import io.strom.runtime.generated.GeneratedClass;
import io.strom.runtime.sql.EmittedRowConverter;
import io.strom.types.RowType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexProgram;

/**
 * Generates the {@link CorrelateFunction} of a lateral join: the table function's call (or {@code
 * UNNEST}'s loop over a collection) on each input row, then for every row it emits the join's
 * condition and the right side's projection, and for a left join the NULL-padded row when nothing
 * passed. The class is also the table function's collector, so emitted rows go straight on.
 */
public final class CorrelateCodeGenerator {
  private static final String INPUT = "in";
  private static final String JOINED = "joined";

  private CorrelateCodeGenerator() {}

  /** What a correlate computes; see {@link #generate}. */
  public record Spec(
      RexCall call,
      RowType functionType,
      RexProgram program,
      RowType rightType,
      boolean leftJoin,
      String name) {}

  /**
   * Generates the class.
   *
   * @param spec {@code call}: the table function or {@link UnnestRows} call over the input row's
   *     fields; {@code functionType}: the columns the function emits; {@code program}: the
   *     condition and projection over the input's fields followed by the function's columns, or
   *     null to take the function's columns as they are; {@code rightType}: the columns joined to
   *     the input row; {@code leftJoin}: pad with NULLs when no row passes; {@code name}: what the
   *     correlate computes, for the class name
   * @throws UnsupportedExpressionException when an expression has no code generator
   */
  public static GeneratedClass<CorrelateFunction> generate(Spec spec) {
    CodeGenContext context = new CodeGenContext();
    RexBuilder rex = new RexBuilder(new StromTypeFactory());
    ExprCodeGenerator overInput = new ExprCodeGenerator(context, INPUT, rex);
    List<String> members = new ArrayList<>(List.of(
        "private io.strom.data.Row current;",
        "private io.strom.api.functions.Collector out;",
        "private boolean matched;",
        "private final io.strom.data.JoinedRow joinedView = new io.strom.data.JoinedRow();",
        "private final io.strom.data.JoinedRow result = new io.strom.data.JoinedRow();",
        "private final io.strom.data.GenericRow nulls = new io.strom.data.GenericRow("
            + spec.rightType().fieldCount() + ");"));
    List<String> methods = new ArrayList<>();
    String callBody;
    if (spec.call().getOperator() instanceof TableFunctionSqlFunction udf) {
      String className = udf.function().getClass().getCanonicalName();
      String instance = context.addReference(udf.function(), className);
      context.addOpen(instance + ".setCollector(this);");
      context.addOpen(instance + ".open(context);");
      context.addClose(instance + ".close();");
      List<RelDataType> types = new ArrayList<>();
      spec.call().getOperands().forEach(o -> types.add(o.getType()));
      boolean emitsValues = udf.emitsValues(udf.resolve(types));
      String converter = context.addReference(
          new EmittedRowConverter(udf.getName(), spec.functionType(), emitsValues),
          EmittedRowConverter.class.getName());
      callBody = TableFunctionCallGenerator.generate(overInput, spec.call(), udf, instance);
      methods.add("public void collect(Object value) {\ntry {\nemit(" + converter
          + ".toRow(value));\n} catch (RuntimeException e) {\nthrow e;\n} catch (Exception e) {\n"
          + "throw new RuntimeException(e);\n}\n}\n");
    } else if (spec.call().getOperator() instanceof UnnestRows unnest) {
      members.add("private final io.strom.data.GenericRow element = new io.strom.data.GenericRow("
          + spec.functionType().fieldCount() + ");");
      callBody = UnnestLoop.generate(overInput, spec.call(), spec.functionType(),
          unnest.withOrdinality());
    } else {
      throw new IllegalArgumentException("Not a table function call: " + spec.call());
    }
    methods.add("private void call(io.strom.data.Row " + INPUT + ") throws Exception {\n"
        + callBody + "}\n");
    methods.add(emit(context, rex, spec));
    StringBuilder apply = new StringBuilder("public void apply(io.strom.data.Row " + INPUT
        + ", io.strom.api.functions.Collector out) throws Exception {\n"
        + "this.current = " + INPUT + ";\nthis.out = out;\nmatched = false;\ncall(" + INPUT
        + ");\n");
    if (spec.leftJoin()) {
      apply.append("if (!matched) {\nresult.replace(").append(INPUT).append(", nulls);\n")
          .append("result.setKind(").append(INPUT).append(".kind());\n")
          .append("out.collect(result);\n}\n");
    }
    methods.add(0, apply.append("}\n").toString());
    methods.add(CalcCodeGenerator.lifecycle(context));
    String className = ClassWriter.className("Correlate", spec.name());
    // A table function emits into the generated class itself; UNNEST loops without a collector.
    String interfaces = spec.call().getOperator() instanceof UnnestRows
        ? CorrelateFunction.class.getName()
        : CorrelateFunction.class.getName() + ", io.strom.api.functions.Collector";
    String code = ClassWriter.write(className, interfaces, context, members, methods);
    return new GeneratedClass<>(className, code, context.references());
  }

  /** The method that joins one emitted row to the current input row, if it passes. */
  private static String emit(CodeGenContext context, RexBuilder rex, Spec spec) {
    StringBuilder body = new StringBuilder("private void emit(io.strom.data.Row fn) throws Exception"
        + " {\nio.strom.data.Row " + JOINED + " = joinedView.replace(current, fn);\n");
    RexProgram program = spec.program();
    String right = "fn";
    if (program != null) {
      ExprCodeGenerator overJoined = new ExprCodeGenerator(context, JOINED, rex);
      if (program.getCondition() != null) {
        GeneratedExpr condition =
            overJoined.generate(program.expandLocalRef(program.getCondition()));
        body.append(condition.code()).append("if (").append(condition.nullTerm())
            .append(" || !").append(condition.valueTerm()).append(") {\nreturn;\n}\n");
      }
      right = context.addMutableMember("io.strom.data.GenericRow", "right",
          "new io.strom.data.GenericRow(" + spec.rightType().fieldCount() + ")");
      for (int i = 0; i < program.getProjectList().size(); i++) {
        RelDataType target =
            TypeConversions.toRelDataType(rex.getTypeFactory(), spec.rightType().typeAt(i));
        GeneratedExpr e = overJoined.convert(
            overJoined.generate(program.expandLocalRef(program.getProjectList().get(i))), target);
        body.append("{\n").append(e.code()).append("if (").append(e.nullTerm()).append(") {\n")
            .append(right).append(".setNullAt(").append(i).append(");\n} else {\n")
            .append(JavaTypes.write(right, i, spec.rightType().typeAt(i), e.valueTerm()))
            .append("\n}\n}\n");
      }
    }
    body.append("matched = true;\nresult.replace(current, ").append(right).append(");\n")
        .append("result.setKind(current.kind());\nout.collect(result);\n}\n");
    return body.toString();
  }
}
