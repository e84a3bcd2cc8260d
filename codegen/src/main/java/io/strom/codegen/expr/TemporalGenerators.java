package io.strom.codegen.expr;

import io.strom.codegen.UnsupportedExpressionException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Date and time functions: date-time arithmetic with intervals, EXTRACT, FLOOR/CEIL TO a unit, the
 * current time, and Flink's formatting and parsing functions. TIMESTAMP_LTZ values are seen in the
 * session time zone wherever a wall-clock reading is needed.
 */
final class TemporalGenerators {
  private static final String T = "io.strom.runtime.functions.TemporalFunctions.";
  private static final String DT = "io.strom.runtime.functions.DateTimeUtils.";
  private static final String UNIT = "io.strom.runtime.functions.TimeUnit.";

  private TemporalGenerators() {}

  private static boolean isLtz(RelDataType type) {
    return type.getSqlTypeName() == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
  }

  /** A wall-clock TimestampData term of a DATE, TIMESTAMP or TIMESTAMP_LTZ value. */
  private static String wallClock(ExprCodeGenerator g, GeneratedExpr e) {
    switch (e.type().getSqlTypeName()) {
      case DATE: return T + "dateToTimestamp(" + e.valueTerm() + ")";
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        return DT + "toLocal(" + e.valueTerm() + ", " + g.context().zone() + ")";
      default: return e.valueTerm();
    }
  }

  /** {@code datetime ± interval}, {@code interval + datetime}, and {@code datetime - datetime}. */
  static GeneratedExpr arithmetic(ExprCodeGenerator g, RexCall call, List<GeneratedExpr> ops) {
    GeneratedExpr a = ops.get(0);
    GeneratedExpr b = ops.get(1);
    RelDataType type = call.getType();
    boolean minus = call.getKind() == SqlKind.MINUS;
    if (SqlTypeUtil.isDatetime(a.type()) && SqlTypeUtil.isDatetime(b.type())) {
      return g.strict(type, ops, difference(g, a, b, type));
    }
    GeneratedExpr datetime = SqlTypeUtil.isDatetime(a.type()) ? a : b;
    GeneratedExpr interval = datetime == a ? b : a;
    String amount = (minus ? "-" : "") + "(long) " + interval.valueTerm();
    SqlTypeName source = datetime.type().getSqlTypeName();
    SqlTypeName result = type.getSqlTypeName();
    String v = datetime.valueTerm();
    String expr;
    if (JavaTypes.isYearMonthInterval(interval.type())) {
      expr = source == SqlTypeName.TIME ? v : T + "addMonths(" + v + ", " + amount + ")";
    } else if (source == SqlTypeName.TIME) {
      expr = "(int) Math.floorMod(" + v + " + " + amount + ", 86400000L)";
    } else if (source == SqlTypeName.DATE && result == SqlTypeName.DATE) {
      expr = "(int) (" + v + " + Math.floorDiv(" + amount + ", 86400000L))";
    } else if (source == SqlTypeName.DATE) {
      expr = T + "addMillis(" + T + "dateToTimestamp(" + v + "), " + amount + ")";
    } else {
      expr = T + "addMillis(" + v + ", " + amount + ")";
    }
    return g.strict(type, ops, expr);
  }

  private static String difference(
      ExprCodeGenerator g, GeneratedExpr a, GeneratedExpr b, RelDataType type) {
    if (JavaTypes.isYearMonthInterval(type)) {
      return T + "timestampDiff(" + UNIT + "MONTH, " + wallClock(g, b) + ", " + wallClock(g, a)
          + ")";
    }
    switch (a.type().getSqlTypeName()) {
      case DATE: return "((long) (" + a.valueTerm() + " - " + b.valueTerm() + ")) * 86400000L";
      case TIME: return "(long) (" + a.valueTerm() + " - " + b.valueTerm() + ")";
      default:
        return "(" + wallClock(g, a) + ".millisecond() - " + wallClock(g, b) + ".millisecond())";
    }
  }

  private static String unit(RexNode node) {
    Object value = ((RexLiteral) node).getValue();
    String name = value instanceof TimeUnitRange range ? range.name() : String.valueOf(value);
    try {
      io.strom.runtime.functions.TimeUnit.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new UnsupportedExpressionException("Time unit " + name + " is not supported yet");
    }
    return UNIT + name;
  }

  static GeneratedExpr extract(ExprCodeGenerator g, RexCall call) {
    String unit = unit(call.getOperands().get(0));
    GeneratedExpr v = g.generate(call.getOperands().get(1));
    RelDataType source = v.type();
    String expr;
    if (source.getSqlTypeName() == SqlTypeName.DATE) {
      expr = T + "extractFromDate(" + unit + ", " + v.valueTerm() + ")";
    } else if (source.getSqlTypeName() == SqlTypeName.TIME) {
      expr = T + "extractFromTime(" + unit + ", " + v.valueTerm() + ")";
    } else if (JavaTypes.isYearMonthInterval(source)) {
      expr = T + "extractFromYearMonthInterval(" + unit + ", " + v.valueTerm() + ")";
    } else if (JavaTypes.isDayTimeInterval(source)) {
      expr = T + "extractFromDayTimeInterval(" + unit + ", " + v.valueTerm() + ")";
    } else {
      expr = T + "extract(" + unit + ", " + wallClock(g, v) + ")";
    }
    return g.strict(call.getType(), List.of(v),
        ExprCodeGenerator.castJava(expr, call.getType()));
  }

  /** FLOOR(x TO unit) or CEIL(x TO unit) on a DATE or TIMESTAMP. */
  static GeneratedExpr floorCeil(ExprCodeGenerator g, RexCall call, boolean floor) {
    GeneratedExpr v = g.generate(call.getOperands().get(0));
    String unit = unit(call.getOperands().get(1));
    String fn = floor ? "floor" : "ceil";
    String expr;
    switch (v.type().getSqlTypeName()) {
      case DATE: expr = T + fn + "Date(" + v.valueTerm() + ", " + unit + ")"; break;
      case TIMESTAMP: expr = T + fn + "(" + v.valueTerm() + ", " + unit + ")"; break;
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        expr = DT + "toInstant(" + T + fn + "(" + wallClock(g, v) + ", " + unit + "), "
            + g.context().zone() + ")";
        break;
      default:
        throw new UnsupportedExpressionException(
            call.getOperator().getName() + " TO a unit is not supported on "
                + v.type().getFullTypeString());
    }
    return g.strict(call.getType(), List.of(v), expr);
  }

  /** CURRENT_TIMESTAMP, NOW(), LOCALTIMESTAMP, CURRENT_DATE, CURRENT_TIME, LOCALTIME. */
  static GeneratedExpr now(ExprCodeGenerator g, RexCall call, String name) {
    String zone = g.context().zone();
    String expr;
    switch (name) {
      case "CURRENT_TIMESTAMP":
      case "PROCTIME":
      case "NOW": expr = T + "now()"; break;
      case "LOCALTIMESTAMP": expr = T + "localNow(" + zone + ")"; break;
      case "CURRENT_DATE": expr = T + "currentDate(" + zone + ")"; break;
      default: expr = T + "currentTime(" + zone + ")"; break;
    }
    return g.strict(call.getType(), List.of(), expr);
  }

  /** A call of a TemporalFunctions method on all operands; {@code nullable} if it may return null. */
  static GeneratedExpr function(
      ExprCodeGenerator g, RexCall call, String method, boolean nullable, boolean withZone) {
    List<GeneratedExpr> ops = g.operands(call);
    List<String> args = new ArrayList<>();
    for (GeneratedExpr op : ops) {
      args.add(op.valueTerm());
    }
    if (withZone) {
      args.add(g.context().zone());
    }
    String expr = T + method + "(" + String.join(", ", args) + ")";
    return g.call(call.getType(), ops, expr, nullable, false);
  }

  static GeneratedExpr dateFormat(ExprCodeGenerator g, RexCall call) {
    List<GeneratedExpr> ops = g.operands(call);
    GeneratedExpr ts = ops.get(0);
    String value = SqlTypeUtil.isCharacter(ts.type()) ? ts.valueTerm() : wallClock(g, ts);
    return g.strictNullable(call.getType(), ops,
        T + "dateFormat(" + value + ", " + ops.get(1).valueTerm() + ")");
  }

  static GeneratedExpr toTimestampLtz(ExprCodeGenerator g, RexCall call) {
    List<GeneratedExpr> ops = g.operands(call);
    GeneratedExpr value = ops.get(0);
    String precision = ops.size() > 1 ? "(long) " + ops.get(1).valueTerm() : "3L";
    String number = SqlTypeUtil.isApproximateNumeric(value.type())
        || SqlTypeUtil.isDecimal(value.type())
        ? g.numeric(value, g.typeFactory().createSqlType(SqlTypeName.DOUBLE))
        : "(long) " + value.valueTerm();
    return g.strict(call.getType(), ops, T + "toTimestampLtz(" + number + ", " + precision + ")");
  }

  /** UNIX_TIMESTAMP() and UNIX_TIMESTAMP(string[, format]). */
  static GeneratedExpr unixTimestamp(ExprCodeGenerator g, RexCall call) {
    List<GeneratedExpr> ops = g.operands(call);
    if (ops.isEmpty()) {
      return g.strict(call.getType(), ops, T + "unixTimestamp()");
    }
    String format = ops.size() > 1 ? ops.get(1).valueTerm() : "null";
    return g.strict(call.getType(), ops, T + "unixTimestamp(" + ops.get(0).valueTerm() + ", "
        + format + ", " + g.context().zone() + ")");
  }

  static GeneratedExpr fromUnixtime(ExprCodeGenerator g, RexCall call) {
    List<GeneratedExpr> ops = g.operands(call);
    String format = ops.size() > 1 ? ops.get(1).valueTerm() : "null";
    return g.strict(call.getType(), ops, T + "fromUnixtime((long) " + ops.get(0).valueTerm()
        + ", " + format + ", " + g.context().zone() + ")");
  }
}
