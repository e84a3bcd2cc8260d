package io.strom.codegen;

import io.strom.codegen.expr.CodeGenContext;
import io.strom.codegen.expr.ExprCodeGenerator;
import io.strom.codegen.expr.GeneratedExpr;
import io.strom.codegen.expr.JavaTypes;
import io.strom.codegen.types.StromTypeFactory;
import io.strom.codegen.types.TypeConversions;
import io.strom.runtime.generated.CalcFunction;
import io.strom.runtime.generated.GeneratedClass;
import io.strom.types.LogicalType;
import io.strom.types.RowType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLocalRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;

/**
 * Generates the {@link CalcFunction} of a Calc: a {@link RexProgram}'s filter and projection fused
 * into one class. The output row is a {@link io.strom.data.GenericRow} reused across calls; the
 * projection is split over several methods so none nears the JVM's 64 KB method limit.
 */
public final class CalcCodeGenerator {
  private static final String INPUT = "in";
  private static final String OUTPUT = "out";

  private CalcCodeGenerator() {}

  /**
   * Generates the class.
   *
   * @param program filter (optional) and projections over {@code inputType}
   * @param inputType the type of input rows
   * @param outputType the type of output rows, one field per projection
   * @param name what the Calc computes, for the class name, e.g. {@code orders_filter_3}
   * @throws UnsupportedExpressionException when an expression has no code generator
   */
  public static GeneratedClass<CalcFunction> generate(
      RexProgram program, RowType inputType, RowType outputType, String name) {
    List<RexLocalRef> projects = program.getProjectList();
    if (projects.size() != outputType.fieldCount()) {
      throw new IllegalArgumentException("The program projects " + projects.size()
          + " fields but the output type has " + outputType.fieldCount());
    }
    CodeGenContext context = new CodeGenContext();
    StromTypeFactory typeFactory = new StromTypeFactory();
    ExprCodeGenerator generator =
        new ExprCodeGenerator(context, INPUT, new RexBuilder(typeFactory));
    List<String> methods = new ArrayList<>();
    List<String> calls = new ArrayList<>();
    StringBuilder chunk = new StringBuilder();
    for (int i = 0; i < projects.size(); i++) {
      RexNode expr = program.expandLocalRef(projects.get(i));
      LogicalType fieldType = outputType.typeAt(i);
      RelDataType target = TypeConversions.toRelDataType(typeFactory, fieldType);
      GeneratedExpr e = generator.convert(generator.generate(expr), target);
      chunk.append("{\n").append(e.code())
          .append("if (").append(e.nullTerm()).append(") {\n")
          .append(OUTPUT).append(".setNullAt(").append(i).append(");\n")
          .append("} else {\n")
          .append(JavaTypes.write(OUTPUT, i, fieldType, e.valueTerm())).append("\n}\n}\n");
      if (chunk.length() > ClassWriter.METHOD_BUDGET || i == projects.size() - 1) {
        String method = context.newName("project");
        methods.add("private void " + method + "(io.strom.data.Row " + INPUT
            + ") throws Exception {\n" + chunk + "}\n");
        calls.add(method + "(" + INPUT + ");");
        chunk.setLength(0);
      }
    }
    StringBuilder apply = new StringBuilder(
        "public io.strom.data.Row apply(io.strom.data.Row " + INPUT + ") throws Exception {\n");
    if (program.getCondition() != null) {
      GeneratedExpr condition = generator.generate(program.expandLocalRef(program.getCondition()));
      methods.add("private boolean filter(io.strom.data.Row " + INPUT + ") throws Exception {\n"
          + condition.code() + "return !(" + condition.nullTerm() + ") && "
          + condition.valueTerm() + ";\n}\n");
      apply.append("if (!filter(").append(INPUT).append(")) {\nreturn null;\n}\n");
    }
    for (String call : calls) {
      apply.append(call).append('\n');
    }
    apply.append(OUTPUT).append(".setKind(").append(INPUT).append(".kind());\n")
        .append("return ").append(OUTPUT).append(";\n}\n");
    methods.add(0, apply.toString());
    methods.add(lifecycle(context));
    String className = ClassWriter.className("Calc", name);
    String code = ClassWriter.write(className, CalcFunction.class.getName(), context,
        List.of("private final io.strom.data.GenericRow " + OUTPUT
            + " = new io.strom.data.GenericRow(" + outputType.fieldCount() + ");"),
        methods);
    return new GeneratedClass<>(className, code, context.references());
  }

  static String lifecycle(CodeGenContext context) {
    StringBuilder sb = new StringBuilder(
        "public void open(io.strom.api.functions.FunctionContext context) throws Exception {\n");
    for (String statement : context.openCode()) {
      sb.append(statement).append('\n');
    }
    sb.append("}\n\npublic void close() throws Exception {\n");
    for (String statement : context.closeCode()) {
      sb.append(statement).append('\n');
    }
    return sb.append("}\n").toString();
  }
}
