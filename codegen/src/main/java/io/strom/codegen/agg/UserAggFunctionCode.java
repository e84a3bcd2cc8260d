package io.strom.codegen.agg;

import io.strom.codegen.UnsupportedExpressionException;
import io.strom.codegen.expr.ExprCodeGenerator;
import io.strom.codegen.expr.JavaTypes;
import io.strom.codegen.expr.JavaValues;
import io.strom.codegen.functions.AggregateFunctionSqlFunction;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The generated code of a call to a user-defined aggregate function: its accumulator object lives
 * in a {@code io.strom.runtime.sql.agg.UserAccumulator} member and travels in the accumulator row as
 * one BYTES field; each row's arguments are converted to Java values and passed to {@code
 * accumulate} or {@code retract}, and {@code getValue}'s result is converted back.
 */
final class UserAggFunctionCode extends AggFunctionCode {

  /** Where the function's instance and accumulator live in the generated class. */
  interface Members {
    /** Declares a member holding {@code object} (copied per instance); returns its name. */
    String reference(Object object, Class<?> type);

    /** Declares a member initialized in the constructor with {@code initializer}. */
    String member(String javaType, String initializer);

    void onOpen(String statement);

    void onClose(String statement);
  }

  private final AggregateFunctionSqlFunction udaf;
  private final RelDataType resultType;
  private final Method accumulate;
  private final Method retract;
  private final String instance;
  private final String holder;
  private final Accumulator bytes;

  private UserAggFunctionCode(
      AggregateFunctionSqlFunction udaf, RelDataType resultType, Method accumulate, Method retract,
      AccumulatorLayout layout, RelDataTypeFactory types, Members members) {
    super(layout);
    this.udaf = udaf;
    this.resultType = resultType;
    this.accumulate = accumulate;
    this.retract = retract;
    instance = members.reference(udaf.function(), udaf.function().getClass());
    holder = members.member("io.strom.runtime.sql.agg.UserAccumulator",
        "new io.strom.runtime.sql.agg.UserAccumulator(" + instance + ", \"" + udaf.getName() + "\")");
    members.onOpen(instance + ".open(context.functionContext());");
    members.onClose(instance + ".close();");
    bytes = accumulator("udaf",
        types.createSqlType(SqlTypeName.VARBINARY, Integer.MAX_VALUE), holder + ".create()");
  }

  /**
   * The code of a call to {@code udaf} with arguments of {@code argTypes}.
   *
   * @param retraction whether rows are taken back too; refused when the function has no matching
   *     {@code retract}, as Flink refuses it
   */
  static UserAggFunctionCode create(
      AggregateFunctionSqlFunction udaf, RelDataType resultType, List<RelDataType> argTypes,
      boolean retraction, AccumulatorLayout layout, RelDataTypeFactory types, Members members) {
    Method accumulate = udaf.resolve(argTypes);
    if (accumulate == null) {
      throw new UnsupportedExpressionException(
          "No accumulate method of aggregate function '" + udaf.getName() + "' accepts " + argTypes);
    }
    Method retract = udaf.retractFor(accumulate);
    if (retraction && retract == null) {
      throw new UnsupportedExpressionException("Aggregate function '" + udaf.getName() + "' ("
          + udaf.function().getClass().getName() + ") must implement a method 'public void"
          + " retract" + signature(accumulate) + "' to be used here: its input updates or"
          + " retracts rows (the result of another aggregation or join, or an OVER frame bounded"
          + " by n PRECEDING)");
    }
    return new UserAggFunctionCode(udaf, resultType, accumulate, retract, layout, types, members);
  }

  private static String signature(Method method) {
    List<String> params = new ArrayList<>();
    for (Class<?> type : method.getParameterTypes()) {
      params.add(type.getSimpleName());
    }
    return "(" + String.join(", ", params) + ")";
  }

  @Override
  String afterLoad() {
    return holder + ".load(" + bytes.name() + ");\n";
  }

  @Override
  String beforeStore() {
    return set(bytes, holder + ".store()");
  }

  /**
   * Merges with the function's {@code merge(ACC, Iterable<ACC>)}, passing the partial
   * aggregation's accumulator alone; null when the function declares none.
   */
  @Override
  String merge() {
    if (!udaf.merges()) {
      return null;
    }
    String accumulatorClass = accumulate.getParameterTypes()[0].getCanonicalName();
    return "if (!" + partialIsNull(bytes) + ") {\n"
        + instance + ".merge((" + accumulatorClass + ") " + holder + ".changing(),"
        + " java.util.Collections.singletonList(" + holder + ".read(" + partialValue(bytes)
        + ")));\n}\n";
  }

  @Override
  String accumulate(List<AggArgument> args) {
    return call(accumulate, args);
  }

  @Override
  String retract(List<AggArgument> args) {
    return call(retract, args);
  }

  /**
   * Calls {@code method} with the accumulator and the arguments as Java values: NULL as {@code
   * null} for object parameters; a row with NULL for a primitive parameter is skipped.
   */
  private String call(Method method, List<AggArgument> args) {
    Class<?>[] params = method.getParameterTypes();
    List<String> values = new ArrayList<>();
    List<AggArgument> primitives = new ArrayList<>();
    values.add("(" + params[0].getCanonicalName() + ") " + holder + ".changing()");
    for (int i = 0; i < args.size(); i++) {
      AggArgument arg = args.get(i);
      Class<?> param = params[i + 1];
      String external = JavaValues.toExternal(arg.value(), arg.type(), param);
      if (param.isPrimitive()) {
        primitives.add(arg);
        values.add(external);
      } else {
        values.add("(" + arg.isNull() + " ? null : " + external + ")");
      }
    }
    return ifNoneNull(primitives,
        instance + "." + method.getName() + "(" + String.join(", ", values) + ");\n");
  }

  @Override
  String value(String value, String isNull) {
    Method getValue = udaf.getValue();
    Class<?> resultClass = udaf.resultClass();
    String call = instance + ".getValue((" + getValue.getParameterTypes()[0].getCanonicalName()
        + ") " + holder + ".get())";
    // "result" is the handler's result row.
    String internal = JavaValues.toInternal("external", resultClass, resultType);
    if (JavaTypes.isPrimitive(resultType)) {
      internal = ExprCodeGenerator.castJava(internal, resultType);
    }
    String javaClass = resultClass.isPrimitive()
        ? resultClass.getName() : resultClass.getCanonicalName();
    String assign = value + " = " + internal + ";\n" + isNull + " = false;\n";
    if (resultClass.isPrimitive()) {
      return javaClass + " external = " + call + ";\n" + assign;
    }
    return javaClass + " external = (" + javaClass + ") " + call + ";\n"
        + "if (external == null) {\n" + isNull + " = true;\n} else {\n" + assign + "}\n";
  }
}
