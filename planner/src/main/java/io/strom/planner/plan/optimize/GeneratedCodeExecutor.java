package io.strom.planner.plan.optimize;

import io.strom.api.functions.FunctionContext;
import io.strom.codegen.CalcCodeGenerator;
import io.strom.data.DecimalData;
import io.strom.data.GenericConverter;
import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.data.StringData;
import io.strom.codegen.types.StromRexBuilder;
import io.strom.data.TimestampData;
import io.strom.planner.calcite.PlannerTypes;
import io.strom.runtime.generated.CalcFunction;
import io.strom.types.DataTypes;
import io.strom.types.LogicalType;
import io.strom.types.RowType;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexExecutor;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgramBuilder;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.rex.RexVisitorImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.TimeString;
import org.apache.calcite.util.TimestampString;

/**
 * Evaluates constant expressions at planning time with the code generator that evaluates them at
 * run time, so a reduced plan gives exactly Flink's answers (Calcite's own executor would apply
 * Calcite's cast and function rules). An expression whose evaluation throws, that calls a
 * non-deterministic or dynamic function (RAND, NOW, CURRENT_TIMESTAMP, PROCTIME, a
 * non-deterministic user function), or whose value has no literal form (collections, rows,
 * instants) is left as it is: it runs, and fails, at run time as in Flink.
 */
public final class GeneratedCodeExecutor implements RexExecutor {
  private final PlannerTypes types;
  private final ClassLoader classLoader;
  private final ZoneId timeZone;

  public GeneratedCodeExecutor(PlannerTypes types, ClassLoader classLoader, ZoneId timeZone) {
    this.types = types;
    this.classLoader = classLoader;
    this.timeZone = timeZone;
  }

  @Override
  public void reduce(RexBuilder rex, List<RexNode> constants, List<RexNode> reduced) {
    for (RexNode constant : constants) {
      reduced.add(reduceOne(rex, constant));
    }
  }

  private RexNode reduceOne(RexBuilder rex, RexNode constant) {
    if (constant instanceof RexLiteral || !isReducible(constant)) {
      return constant;
    }
    LogicalType type;
    Object value;
    try {
      type = types.toLogicalType(constant.getType());
      value = evaluate(rex, constant, type);
    } catch (Exception | LinkageError e) {
      // Evaluation fails (a bad cast, division by zero, an unsupported function): leave it for
      // run time, where the error reaches the user with the row that caused it, as in Flink.
      return constant;
    }
    RexNode literal = value == null ? rex.makeNullLiteral(constant.getType()) : literal(rex, value, constant.getType());
    // A literal of another type would make the rule add a cast that could be reduced again.
    return literal != null && literal.getType().equals(constant.getType()) ? literal : constant;
  }

  private Object evaluate(RexBuilder rex, RexNode constant, LogicalType type) throws Exception {
    RelDataType empty = rex.getTypeFactory().createStructType(List.of(), List.of());
    RexProgramBuilder builder = new RexProgramBuilder(empty, rex);
    builder.addProject(constant, "c");
    RowType outputType = DataTypes.ROW(DataTypes.FIELD("c", type));
    CalcFunction function =
        CalcCodeGenerator.generate(builder.getProgram(), DataTypes.ROW(), outputType, "ConstantReduction")
            .newInstance(classLoader);
    function.open(new FunctionContext(timeZone, Map.of(), classLoader));
    try {
      Row row = function.apply(new GenericRow(0));
      return row.isNullAt(0) ? null : GenericConverter.get(row, 0, type);
    } finally {
      function.close();
    }
  }

  /** The value as a literal of {@code type}, or null when it has no literal form here. */
  private static RexNode literal(RexBuilder rex, Object value, RelDataType type) {
    SqlTypeName name = type.getSqlTypeName();
    return switch (name) {
      case BOOLEAN -> rex.makeLiteral((Boolean) value, type);
      case TINYINT, SMALLINT, INTEGER, BIGINT ->
          rex.makeExactLiteral(BigDecimal.valueOf(((Number) value).longValue()), type);
      case DECIMAL -> rex.makeExactLiteral(((DecimalData) value).toBigDecimal(), type);
      case FLOAT, REAL, DOUBLE -> {
        double d = ((Number) value).doubleValue();
        yield Double.isFinite(d) ? rex.makeApproxLiteral(new BigDecimal(Double.toString(d)), type) : null;
      }
      case CHAR -> rex.makeLiteral(((StringData) value).toString(), type, false);
      case VARCHAR -> rex instanceof StromRexBuilder strom
          ? strom.makeTypedLiteral(new NlsString(((StringData) value).toString(),
              type.getCharset() == null ? null : type.getCharset().name(), type.getCollation()),
              type, SqlTypeName.CHAR)
          : null;
      case BINARY, VARBINARY -> rex.makeLiteral(new ByteString((byte[]) value), type, false);
      case DATE -> rex.makeDateLiteral(DateString.fromDaysSinceEpoch((Integer) value));
      case TIME -> rex.makeTimeLiteral(
          TimeString.fromMillisOfDay((Integer) value), type.getPrecision());
      case TIMESTAMP -> rex.makeTimestampLiteral(
          timestampString(((TimestampData) value).toLocalDateTime()), type.getPrecision());
      default -> null;
    };
  }

  private static TimestampString timestampString(LocalDateTime time) {
    LocalTime t = time.toLocalTime();
    return new TimestampString(time.getYear(), time.getMonthValue(), time.getDayOfMonth(),
            t.getHour(), t.getMinute(), t.getSecond())
        .withNanos(t.getNano());
  }

  /** Deterministic, no dynamic function (CURRENT_TIMESTAMP is per query run, not per plan). */
  private static boolean isReducible(RexNode node) {
    if (!RexUtil.isDeterministic(node)) {
      return false;
    }
    Boolean dynamic = node.accept(new RexVisitorImpl<Boolean>(true) {
      @Override
      public Boolean visitCall(RexCall call) {
        if (call.getOperator().isDynamicFunction()) {
          return true;
        }
        for (RexNode operand : call.getOperands()) {
          if (Boolean.TRUE.equals(operand.accept(this))) {
            return true;
          }
        }
        return false;
      }
    });
    return !Boolean.TRUE.equals(dynamic);
  }
}
