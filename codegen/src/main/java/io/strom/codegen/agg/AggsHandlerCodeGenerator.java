package io.strom.codegen.agg;

import io.strom.codegen.ProjectionCodeGenerator;
import io.strom.codegen.UnsupportedExpressionException;
import io.strom.codegen.expr.JavaTypes;
import io.strom.codegen.functions.AggregateFunctionSqlFunction;
import io.strom.codegen.types.StromTypeFactory;
import io.strom.codegen.types.TypeConversions;
import io.strom.runtime.generated.GeneratedClass;
import io.strom.runtime.generated.Projection;
import io.strom.runtime.sql.agg.AggsHandler;
import io.strom.types.LogicalType;
import io.strom.types.RowType.RowField;
import io.strom.types.RowType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;

/**
 * Generates the {@link AggsHandler} of a group aggregation: the accumulators of all its functions
 * as fields of one class, with the per-row code of each function inlined and FILTER clauses
 * applied around it. DISTINCT calls over the same arguments share one view of the values seen
 * (see {@link DistinctViewsCode}). A user-defined aggregate function is called on its instance, which
 * the handler opens and closes; its accumulator is one BYTES field (see {@link
 * UserAggFunctionCode}).
 */
public final class AggsHandlerCodeGenerator {
  private static final String INPUT = "in";

  /**
   * The generated handler and the type of the accumulator rows it keeps in state.
   *
   * @param mergeable whether the handler merges partial accumulators ({@link AggsHandler#merge}):
   *     every function can and none is DISTINCT
   * @param accumulatorNames per call, the names of its accumulators in plans ({@code count$0},
   *     {@code sum$1}), numbered by their position in the accumulator row
   * @param accumulatorFieldNames the names of all fields of the accumulator row, in order: the
   *     calls' accumulators and, over a retracting input, the row count ({@code count1$0})
   */
  public record Generated(
      GeneratedClass<AggsHandler> handler,
      RowType accumulatorType,
      boolean mergeable,
      List<List<String>> accumulatorNames,
      List<String> accumulatorFieldNames) {
    public Generated {
      accumulatorNames = List.copyOf(accumulatorNames);
      accumulatorFieldNames = List.copyOf(accumulatorFieldNames);
    }
  }

  private final RelDataType inputType;
  private final RowType inputRowType;
  private final StromTypeFactory types = new StromTypeFactory();
  private final AccumulatorLayout layout = new AccumulatorLayout();
  private final List<String> members = new ArrayList<>();
  private final List<String> constructor = new ArrayList<>();
  private final List<String> open = new ArrayList<>();
  private final List<String> cleanup = new ArrayList<>();
  private final List<String> close = new ArrayList<>();
  private final List<AggFunctionCode> functions = new ArrayList<>();
  private final List<Object> references = new ArrayList<>();
  private final String name;
  private final DistinctViewsCode distinct = new DistinctViewsCode();
  /** The state names older versions gave the views of single distinct calls. */
  private final List<String> legacyDistinctViews = new ArrayList<>();
  /** Members declared per view. */
  private int views;
  /** Numbers the state names of views; a distinct call takes a number too, as it always has. */
  private int viewNumbers;
  private int distinctViews;
  private int userMembers;

  private AggsHandlerCodeGenerator(RelDataType inputType, String name) {
    this.inputType = inputType;
    this.inputRowType = TypeConversions.toRowType(inputType);
    this.name = name;
  }

  /**
   * @param inputType the aggregation's input rows
   * @param grouping the input fields of the key, which lead each result row
   * @param calls the aggregate calls, whose results follow the key
   * @param retraction whether the input retracts rows (then every function must be able to, and
   *     a row count tells when a key is empty)
   * @param name for the class name
   * @throws UnsupportedExpressionException for a function or form that is not supported
   */
  public static Generated generate(
      RelDataType inputType, int[] grouping, List<AggregateCall> calls, boolean retraction, String name) {
    return new AggsHandlerCodeGenerator(inputType, name).build(grouping, calls, retraction);
  }

  private Generated build(int[] grouping, List<AggregateCall> calls, boolean retraction) {
    StringBuilder accumulate = new StringBuilder();
    StringBuilder retract = new StringBuilder();
    StringBuilder value = new StringBuilder();
    Accumulator rowCount = retraction ? layout.add(types.createSqlType(
        org.apache.calcite.sql.type.SqlTypeName.BIGINT), "0L", "count1") : null;
    StringBuilder merge = new StringBuilder();
    boolean mergeable = true;
    if (rowCount != null) {
      accumulate.append(rowCount.name()).append("++;\n");
      retract.append(rowCount.name()).append("--;\n");
      merge.append(rowCount.name()).append(" += ")
          .append(AggFunctionCode.partialValue(rowCount)).append(";\n");
    }
    // The result row: key fields, then one field per call.
    for (int i = 0; i < grouping.length; i++) {
      RelDataType type = inputType.getFieldList().get(grouping[i]).getType();
      value.append("if (key.isNullAt(").append(i).append(")) {\nresult.setNullAt(").append(i)
          .append(");\n} else {\n")
          .append(JavaTypes.write("result", i, TypeConversions.toLogicalType(type),
              JavaTypes.read("key", String.valueOf(i), type)))
          .append("\n}\n");
    }
    for (int c = 0; c < calls.size(); c++) {
      AggregateCall call = calls.get(c);
      List<RelDataType> argTypes = new ArrayList<>();
      List<AggArgument> args = new ArrayList<>();
      StringBuilder readArgs = new StringBuilder();
      for (int a = 0; a < call.getArgList().size(); a++) {
        int field = call.getArgList().get(a);
        RelDataType type = inputType.getFieldList().get(field).getType();
        argTypes.add(type);
        String v = "arg" + a;
        readArgs.append("boolean ").append(v).append("Null = ").append(INPUT).append(".isNullAt(")
            .append(field).append(");\n")
            .append(JavaTypes.of(type)).append(' ').append(v).append(" = ").append(v)
            .append("Null ? ").append(JavaTypes.defaultValue(type)).append(" : ")
            .append(JavaTypes.read(INPUT, String.valueOf(field), type)).append(";\n");
        args.add(new AggArgument(v, v + "Null", type));
      }
      AggFunctionCode function = call.getAggregation() instanceof AggregateFunctionSqlFunction udaf
          ? UserAggFunctionCode.create(
              udaf, call.getType(), argTypes, retraction, layout, types, userFunctionMembers())
          : BuiltInAggFunctions.create(call, argTypes, layout, types, retraction, views());
      functions.add(function);
      if (retraction && !function.retractable()) {
        throw new UnsupportedExpressionException(
            "Aggregate function " + call.getAggregation().getName() + " cannot be computed over an"
                + " updating input yet: it cannot take back rows that its input retracts");
      }
      String onMerge = function.merge();
      if (onMerge == null || call.isDistinct()) {
        // A distinct call would need the partial aggregations' sets of values.
        mergeable = false;
      } else {
        merge.append("{\n").append(onMerge).append("}\n");
      }
      String onAdd = function.accumulate(args);
      String onRemove = retraction ? function.retract(args) : "";
      String filter = call.filterArg >= 0
          ? "!" + INPUT + ".isNullAt(" + call.filterArg + ") && " + INPUT + ".getBoolean("
              + call.filterArg + ")"
          : null;
      if (call.isDistinct()) {
        // Before the shared views, each distinct call had a view of its own, numbered with the
        // other views; a checkpoint that holds one cannot be read.
        legacyDistinctViews.add("distinct" + viewNumbers++);
        distinct.add(call.getArgList(), call.filterArg, filter, readArgs + onAdd,
            readArgs + onRemove);
      } else {
        accumulate.append(block(readArgs + onAdd, filter));
        if (retraction) {
          retract.append(block(readArgs + onRemove, filter));
        }
      }
      int position = grouping.length + c;
      LogicalType resultType = TypeConversions.toLogicalType(call.getType());
      value.append("{\n")
          .append(JavaTypes.of(call.getType())).append(" value = ")
          .append(JavaTypes.defaultValue(call.getType())).append(";\nboolean valueNull = true;\n")
          .append(function.value("value", "valueNull"))
          .append("if (valueNull) {\nresult.setNullAt(").append(position).append(");\n} else {\n")
          .append(JavaTypes.write("result", position, resultType, "value")).append("\n}\n}\n");
    }
    distinct.generate(INPUT, retraction, this::distinctView);
    accumulate.append(distinct.accumulate());
    retract.append(distinct.retract());
    legacyDistinctViews.forEach(view -> open.add("context.refuseOlderLayout(\"" + view + "\");"));
    return new Generated(
        new GeneratedClass<>(className(), code(grouping.length + calls.size(), accumulate, retract,
            mergeable ? merge : null, value, rowCount), references.toArray()),
        accumulatorType(),
        mergeable,
        accumulatorNames(),
        layout.all().stream().map(acc -> acc.label() + "$" + acc.position()).toList());
  }

  private List<List<String>> accumulatorNames() {
    List<List<String>> names = new ArrayList<>();
    for (AggFunctionCode function : functions) {
      List<String> ofFunction = new ArrayList<>();
      for (Accumulator acc : function.accumulators()) {
        ofFunction.add(acc.label() + "$" + acc.position());
      }
      names.add(ofFunction);
    }
    return names;
  }

  /** Statements in their own block (so their variables do not clash), run when {@code filter}. */
  private static String block(String body, String filter) {
    return filter == null ? "{\n" + body + "}\n" : "if (" + filter + ") {\n" + body + "}\n";
  }

  /** The views built-in functions keep their values in. */
  private BuiltInAggFunctions.Views views() {
    return new BuiltInAggFunctions.Views() {
      @Override
      public String[] countingView(int field) {
        return view(inputRowType, new int[] {field}, "values" + viewNumbers++, "countingMap");
      }

      @Override
      public String[] orderedView(RelDataType valueType) {
        RowType pair = new RowType(false, List.of(
            new RowField("seq", TypeConversions.toLogicalType(
                types.createSqlType(org.apache.calcite.sql.type.SqlTypeName.BIGINT))),
            new RowField("value", TypeConversions.toLogicalType(valueType))));
        return view(pair, new int[] {0, 1}, "ordered" + viewNumbers++, "countingMap");
      }
    };
  }

  /** Declares the view shared by the distinct calls over input fields {@code fields}. */
  private String[] distinctView(int[] fields) {
    return view(inputRowType, fields, "distinctCounts" + distinctViews++, "distinctCounts");
  }

  /**
   * Declares a map view whose keys are fields {@code fields} of rows of type {@code source} (the
   * input, or rows the function builds), as state {@code stateName} that {@code opener} (an
   * {@link io.strom.runtime.sql.agg.AggsContext} method) creates; returns view and projection.
   */
  private String[] view(RowType source, int[] fields, String stateName, String opener) {
    int n = views++;
    String view = "view$" + n;
    String project = "project$" + n;
    GeneratedClass<Projection> projection =
        ProjectionCodeGenerator.generate(source, fields, name + "_" + stateName);
    List<RowField> viewFields = new ArrayList<>();
    for (int i = 0; i < fields.length; i++) {
      viewFields.add(new RowField("f" + i, source.typeAt(fields[i])));
    }
    members.add("private io.strom.api.state.MapState " + view + ";");
    members.add("private final io.strom.runtime.generated.Projection " + project + ";");
    constructor.add(project + " = (io.strom.runtime.generated.Projection) "
        + "((io.strom.runtime.generated.GeneratedClass) references[" + references.size()
        + "]).newInstance(getClass().getClassLoader(), new Object[0]);");
    references.add(projection);
    constructor.add("viewTypes[" + n + "] = (io.strom.types.RowType) references["
        + references.size() + "];");
    references.add(new RowType(false, viewFields));
    open.add(view + " = context." + opener + "(\"" + stateName + "\", viewTypes[" + n + "]);");
    cleanup.add(view + ".clear();");
    return new String[] {view, project};
  }

  /** Declares the members of user-defined aggregate functions in the generated class. */
  private UserAggFunctionCode.Members userFunctionMembers() {
    return new UserAggFunctionCode.Members() {
      @Override
      public String reference(Object object, Class<?> type) {
        String javaType = type.getCanonicalName();
        int index = references.size();
        references.add(object);
        return member(javaType, "(" + javaType + ") references[" + index + "]");
      }

      @Override
      public String member(String javaType, String initializer) {
        String member = "udaf$" + userMembers++;
        members.add("private final " + javaType + " " + member + ";");
        constructor.add(member + " = " + initializer + ";");
        return member;
      }

      @Override
      public void onOpen(String statement) {
        open.add(statement);
      }

      @Override
      public void onClose(String statement) {
        close.add(statement);
      }
    };
  }

  private RowType accumulatorType() {
    List<RowField> fields = new ArrayList<>();
    for (Accumulator acc : layout.all()) {
      fields.add(new RowField(acc.name().replace('$', '_'),
          TypeConversions.toLogicalType(types.createTypeWithNullability(acc.type(), true))));
    }
    return new RowType(false, fields);
  }

  private String className() {
    return "GroupAggsHandler$" + name.replaceAll("[^A-Za-z0-9_]", "_");
  }

  private String code(
      int resultArity, CharSequence accumulate, CharSequence retract, CharSequence merge,
      CharSequence value, Accumulator rowCount) {
    List<Accumulator> accs = layout.all();
    StringBuilder sb = new StringBuilder();
    sb.append("public final class ").append(className())
        .append(" implements io.strom.runtime.sql.agg.AggsHandler {\n");
    for (Accumulator acc : accs) {
      sb.append("private ").append(JavaTypes.of(acc.type())).append(' ').append(acc.name())
          .append(";\nprivate boolean ").append(acc.isNull()).append(";\n");
    }
    members.forEach(m -> sb.append(m).append('\n'));
    sb.append("private final io.strom.types.RowType[] viewTypes = new io.strom.types.RowType[")
        .append(views).append("];\n");
    sb.append("public ").append(className()).append("(Object[] references) {\n");
    constructor.forEach(s -> sb.append(s).append('\n'));
    sb.append("}\n");
    sb.append("public void open(io.strom.runtime.sql.agg.AggsContext context) throws Exception {\n");
    open.forEach(s -> sb.append(s).append('\n'));
    sb.append("}\n");
    sb.append("public io.strom.data.Row createAccumulators() {\n")
        .append("io.strom.data.GenericRow acc = new io.strom.data.GenericRow(").append(accs.size())
        .append(");\n");
    for (Accumulator acc : accs) {
      if (acc.initial() == null) {
        sb.append("acc.setNullAt(").append(acc.position()).append(");\n");
      } else {
        sb.append(JavaTypes.write("acc", acc.position(), TypeConversions.toLogicalType(acc.type()),
            acc.initial())).append('\n');
      }
    }
    sb.append("return acc;\n}\n");
    sb.append("public void setAccumulators(io.strom.data.Row acc) {\n");
    for (Accumulator acc : accs) {
      sb.append(acc.isNull()).append(" = acc.isNullAt(").append(acc.position()).append(");\n")
          .append(acc.name()).append(" = ").append(acc.isNull()).append(" ? ")
          .append(JavaTypes.defaultValue(acc.type())).append(" : ")
          .append(JavaTypes.read("acc", String.valueOf(acc.position()), acc.type())).append(";\n");
    }
    functions.forEach(f -> sb.append(f.afterLoad()));
    sb.append("}\n");
    sb.append("public io.strom.data.Row getAccumulators() {\n");
    functions.forEach(f -> sb.append(f.beforeStore()));
    sb.append("io.strom.data.GenericRow acc = new io.strom.data.GenericRow(").append(accs.size())
        .append(");\n");
    for (Accumulator acc : accs) {
      sb.append("if (").append(acc.isNull()).append(") {\nacc.setNullAt(").append(acc.position())
          .append(");\n} else {\n")
          .append(JavaTypes.write("acc", acc.position(), TypeConversions.toLogicalType(acc.type()),
              acc.name()))
          .append("\n}\n");
    }
    sb.append("return acc;\n}\n");
    sb.append("public void accumulate(io.strom.data.Row ").append(INPUT).append(") throws Exception {\n")
        .append(accumulate).append("}\n");
    sb.append("public void retract(io.strom.data.Row ").append(INPUT).append(") throws Exception {\n")
        .append(retract).append("}\n");
    if (merge != null) {
      sb.append("public void merge(io.strom.data.Row ").append(AggFunctionCode.PARTIAL)
          .append(", int ").append(AggFunctionCode.OFFSET).append(") throws Exception {\n")
          .append(merge).append("}\n");
    }
    sb.append("public io.strom.data.Row getValue(io.strom.data.Row key) throws Exception {\n")
        .append("io.strom.data.GenericRow result = new io.strom.data.GenericRow(")
        .append(resultArity).append(");\n").append(value).append("return result;\n}\n");
    // At or below zero: merged partials may retract rows counted by state that has expired.
    sb.append("public boolean recordCountIsZero() {\nreturn ")
        .append(rowCount == null ? "false" : rowCount.name() + " <= 0L").append(";\n}\n");
    sb.append("public void cleanup() throws Exception {\n");
    cleanup.forEach(s -> sb.append(s).append('\n'));
    sb.append("}\n");
    sb.append("public void close() throws Exception {\n");
    close.forEach(s -> sb.append(s).append('\n'));
    sb.append("}\n");
    sb.append("}\n");
    return sb.toString();
  }
}
