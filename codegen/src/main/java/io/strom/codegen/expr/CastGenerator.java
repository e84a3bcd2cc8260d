package io.strom.codegen.expr;

import io.strom.codegen.UnsupportedExpressionException;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * CAST and TRY_CAST with Flink's rules (see {@link io.strom.runtime.functions.CastFunctions}).
 * Integer narrowing wraps like Java, floating point to integer saturates like Java, decimals that
 * overflow become NULL, and strings that do not convert raise a readable error (NULL for
 * TRY_CAST).
 */
final class CastGenerator {
  private static final String CAST = "io.strom.runtime.functions.CastFunctions.";
  private static final String TEMPORAL = "io.strom.runtime.functions.TemporalFunctions.";
  private static final String DT = "io.strom.runtime.functions.DateTimeUtils.";

  private CastGenerator() {}

  static GeneratedExpr cast(ExprCodeGenerator g, RexCall call, boolean tryCast) {
    GeneratedExpr operand = g.generate(call.getOperands().get(0));
    return cast(g, operand, call.getType(), tryCast);
  }

  /** Converts {@code e} to {@code target} as an implicit cast (CASE branches, outputs). */
  static GeneratedExpr convert(ExprCodeGenerator g, GeneratedExpr e, RelDataType target) {
    if (sameRepresentation(e.type(), target)) {
      return new GeneratedExpr(e.code(), e.nullTerm(), e.valueTerm(), target);
    }
    return cast(g, e, target, false);
  }

  private static boolean sameRepresentation(RelDataType from, RelDataType to) {
    SqlTypeName f = from.getSqlTypeName();
    SqlTypeName t = to.getSqlTypeName();
    if (f == SqlTypeName.DECIMAL || t == SqlTypeName.DECIMAL) {
      return f == t && from.getPrecision() == to.getPrecision() && from.getScale() == to.getScale();
    }
    if (SqlTypeUtil.isCharacter(from) && SqlTypeUtil.isCharacter(to)) {
      return t == SqlTypeName.VARCHAR && to.getPrecision() >= from.getPrecision()
          || f == t && from.getPrecision() == to.getPrecision();
    }
    if (f == SqlTypeName.TIMESTAMP || f == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE
        || f == SqlTypeName.TIME) {
      return f == t && to.getPrecision() >= from.getPrecision();
    }
    if (f == SqlTypeName.ARRAY || f == SqlTypeName.MULTISET) {
      return f == t && sameRepresentation(from.getComponentType(), to.getComponentType());
    }
    if (f == SqlTypeName.MAP) {
      return f == t && sameRepresentation(from.getKeyType(), to.getKeyType())
          && sameRepresentation(from.getValueType(), to.getValueType());
    }
    if (f == SqlTypeName.ROW) {
      if (f != t || from.getFieldCount() != to.getFieldCount()) {
        return false;
      }
      for (int i = 0; i < from.getFieldCount(); i++) {
        if (!sameRepresentation(
            from.getFieldList().get(i).getType(), to.getFieldList().get(i).getType())) {
          return false;
        }
      }
      return true;
    }
    return JavaTypes.of(from).equals(JavaTypes.of(to))
        && f.getFamily() == t.getFamily();
  }

  static GeneratedExpr cast(
      ExprCodeGenerator g, GeneratedExpr e, RelDataType target, boolean tryCast) {
    if (e.type().getSqlTypeName() == SqlTypeName.NULL) {
      return new GeneratedExpr(e.code(), "true", JavaTypes.defaultValue(target), target);
    }
    if (SqlTypeUtil.isBinary(e.type()) && SqlTypeUtil.isBinary(target)
        && needsFit(e.type(), target)) {
      return g.call(target, List.of(e), fitBinary(e.valueTerm(), target), false, tryCast);
    }
    if (sameRepresentation(e.type(), target)) {
      return new GeneratedExpr(e.code(), e.nullTerm(), e.valueTerm(), target);
    }
    SqlTypeName from = e.type().getSqlTypeName();
    if (from == target.getSqlTypeName()
        && (from == SqlTypeName.ARRAY || from == SqlTypeName.MAP
            || from == SqlTypeName.ROW && e.type().getFieldCount() == target.getFieldCount())) {
      return CollectionCasts.cast(g, e, target, tryCast);
    }
    String[] expr = expression(g, e, target);
    return g.call(target, List.of(e), expr[0], expr[1] != null, tryCast);
  }

  /** The Java expression converting a non-null value, and non-null in [1] when it may yield null. */
  private static String[] expression(ExprCodeGenerator g, GeneratedExpr e, RelDataType target) {
    RelDataType source = e.type();
    String v = e.valueTerm();
    SqlTypeName to = target.getSqlTypeName();
    if (SqlTypeUtil.isCharacter(target)) {
      return new String[] {fitString(toStringExpr(g, e), source, target), null};
    }
    if (SqlTypeUtil.isCharacter(source)) {
      return fromString(g, v, target);
    }
    if (SqlTypeUtil.isNumeric(source) && SqlTypeUtil.isNumeric(target)) {
      if (to == SqlTypeName.DECIMAL) {
        String fn = SqlTypeUtil.isDecimal(source) ? "toDecimal("
            : SqlTypeUtil.isApproximateNumeric(source) ? "fromDoubleToDecimal(" : "fromLongToDecimal(";
        return new String[] {CAST + fn + v + ", " + target.getPrecision() + ", "
            + target.getScale() + ")", "nullable"};
      }
      if (SqlTypeUtil.isDecimal(source)) {
        String java = JavaTypes.of(target);
        String conv = SqlTypeUtil.isApproximateNumeric(target)
            ? CAST + "decimalToDouble(" + v + ")" : CAST + "decimalToLong(" + v + ")";
        return new String[] {"((" + java + ") " + conv + ")", null};
      }
      return new String[] {"((" + JavaTypes.of(target) + ") " + v + ")", null};
    }
    if (source.getSqlTypeName() == SqlTypeName.BOOLEAN && SqlTypeUtil.isNumeric(target)) {
      if (to == SqlTypeName.DECIMAL) {
        return new String[] {CAST + "fromLongToDecimal(" + v + " ? 1L : 0L, "
            + target.getPrecision() + ", " + target.getScale() + ")", "nullable"};
      }
      return new String[] {"((" + JavaTypes.of(target) + ") (" + v + " ? 1 : 0))", null};
    }
    if (SqlTypeUtil.isNumeric(source) && to == SqlTypeName.BOOLEAN) {
      return new String[] {SqlTypeUtil.isDecimal(source)
          ? v + ".toBigDecimal().signum() != 0" : v + " != 0", null};
    }
    if ((JavaTypes.isYearMonthInterval(source) || JavaTypes.isDayTimeInterval(source))
        && (SqlTypeUtil.isExactNumeric(target) && to != SqlTypeName.DECIMAL
            || source.getSqlTypeName().getFamily() == to.getFamily())) {
      return new String[] {"((" + JavaTypes.of(target) + ") " + v + ")", null};
    }
    String temporal = temporal(g, source, target, v);
    if (temporal != null) {
      return new String[] {temporal, null};
    }
    if (SqlTypeUtil.isBinary(source) && SqlTypeUtil.isBinary(target)) {
      return new String[] {v, null};
    }
    throw new UnsupportedExpressionException("CAST from " + typeName(source) + " to "
        + typeName(target) + " is not supported");
  }

  /** A type as the user writes it (STRING, ARRAY<BIGINT>), falling back to Calcite's spelling. */
  private static String typeName(RelDataType type) {
    try {
      return io.strom.codegen.types.TypeConversions.toLogicalType(type).copy(true).asSummaryString();
    } catch (RuntimeException e) {
      return type.getFullTypeString();
    }
  }

  private static String temporal(
      ExprCodeGenerator g, RelDataType source, RelDataType target, String v) {
    SqlTypeName from = source.getSqlTypeName();
    SqlTypeName to = target.getSqlTypeName();
    int p = target.getPrecision();
    boolean fromLtz = from == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
    boolean toLtz = to == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
    String local = fromLtz ? DT + "toLocal(" + v + ", " + g.context().zone() + ")" : v;
    if ((from == SqlTypeName.TIMESTAMP || fromLtz) && to == SqlTypeName.DATE) {
      return TEMPORAL + "timestampToDate(" + local + ")";
    }
    if ((from == SqlTypeName.TIMESTAMP || fromLtz) && to == SqlTypeName.TIME) {
      return TEMPORAL + "truncateTime(" + TEMPORAL + "timestampToTime(" + local + "), " + p + ")";
    }
    if (from == SqlTypeName.DATE && (to == SqlTypeName.TIMESTAMP || toLtz)) {
      String ts = TEMPORAL + "dateToTimestamp(" + v + ")";
      return toLtz ? DT + "toInstant(" + ts + ", " + g.context().zone() + ")" : ts;
    }
    if (from == SqlTypeName.TIMESTAMP && to == SqlTypeName.TIMESTAMP) {
      return DT + "truncate(" + v + ", " + p + ")";
    }
    if (from == SqlTypeName.TIMESTAMP && toLtz) {
      return DT + "toInstant(" + DT + "truncate(" + v + ", " + p + "), " + g.context().zone() + ")";
    }
    if (fromLtz && to == SqlTypeName.TIMESTAMP) {
      return DT + "truncate(" + local + ", " + p + ")";
    }
    if (fromLtz && toLtz) {
      return DT + "truncate(" + v + ", " + p + ")";
    }
    if (from == SqlTypeName.TIME && to == SqlTypeName.TIME) {
      return TEMPORAL + "truncateTime(" + v + ", " + p + ")";
    }
    return null;
  }

  /**
   * Whether bytes of type {@code source} must be padded or cut to be {@code target}'s: an explicit
   * CAST to BINARY(n) pads with zero bytes or cuts to exactly n, one to VARBINARY(n) cuts longer
   * values, as in Flink.
   */
  private static boolean needsFit(RelDataType source, RelDataType target) {
    int length = target.getPrecision();
    if (target.getSqlTypeName() == SqlTypeName.BINARY) {
      return source.getSqlTypeName() != SqlTypeName.BINARY || source.getPrecision() != length;
    }
    return length < Integer.MAX_VALUE && source.getPrecision() > length;
  }

  private static String fitBinary(String expr, RelDataType target) {
    int length = target.getPrecision();
    if (target.getSqlTypeName() == SqlTypeName.BINARY) {
      return CAST + "toBinary(" + expr + ", " + length + ")";
    }
    return length < Integer.MAX_VALUE ? CAST + "toVarBinary(" + expr + ", " + length + ")" : expr;
  }

  private static String fitString(String expr, RelDataType source, RelDataType target) {
    int length = target.getPrecision();
    if (target.getSqlTypeName() == SqlTypeName.CHAR) {
      return CAST + "toChar(" + expr + ", " + length + ")";
    }
    if (length < Integer.MAX_VALUE && (!SqlTypeUtil.isCharacter(source)
        || source.getPrecision() > length)) {
      return CAST + "toVarChar(" + expr + ", " + length + ")";
    }
    return expr;
  }

  private static String toStringExpr(ExprCodeGenerator g, GeneratedExpr e) {
    RelDataType t = e.type();
    String v = e.valueTerm();
    SqlTypeName name = t.getSqlTypeName();
    switch (name) {
      case CHAR:
      case VARCHAR: return v;
      case BOOLEAN: return CAST + "fromBoolean(" + v + ")";
      case TINYINT:
      case SMALLINT:
      case INTEGER:
      case BIGINT: return CAST + "fromLong(" + v + ")";
      case FLOAT:
      case REAL: return CAST + "fromFloat(" + v + ")";
      case DOUBLE: return CAST + "fromDouble(" + v + ")";
      case DECIMAL: return CAST + "fromDecimal(" + v + ")";
      case DATE: return CAST + "fromDate(" + v + ")";
      case TIME: return CAST + "fromTime(" + v + ", " + t.getPrecision() + ")";
      case TIMESTAMP: return CAST + "fromTimestamp(" + v + ", " + t.getPrecision() + ")";
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        return CAST + "fromTimestampLtz(" + v + ", " + t.getPrecision() + ", "
            + g.context().zone() + ")";
      case BINARY:
      case VARBINARY: return CAST + "fromBinary(" + v + ")";
      default:
        if (name.getFamily() == SqlTypeFamily.INTERVAL_YEAR_MONTH) {
          return CAST + "fromYearMonthInterval(" + v + ")";
        }
        if (name.getFamily() == SqlTypeFamily.INTERVAL_DAY_TIME) {
          return CAST + "fromDayTimeInterval(" + v + ")";
        }
        throw new UnsupportedExpressionException(
            "CAST from " + t.getFullTypeString() + " to STRING is not supported yet");
    }
  }

  private static String[] fromString(ExprCodeGenerator g, String v, RelDataType target) {
    switch (target.getSqlTypeName()) {
      case BOOLEAN: return new String[] {CAST + "toBoolean(" + v + ")", null};
      case TINYINT: return new String[] {CAST + "toTinyInt(" + v + ")", null};
      case SMALLINT: return new String[] {CAST + "toSmallInt(" + v + ")", null};
      case INTEGER: return new String[] {CAST + "toInt(" + v + ")", null};
      case BIGINT: return new String[] {CAST + "toBigInt(" + v + ")", null};
      case FLOAT:
      case REAL: return new String[] {CAST + "toFloat(" + v + ")", null};
      case DOUBLE: return new String[] {CAST + "toDouble(" + v + ")", null};
      case DECIMAL:
        return new String[] {CAST + "toDecimal(" + v + ", " + target.getPrecision() + ", "
            + target.getScale() + ")", "nullable"};
      case DATE: return new String[] {CAST + "toDate(" + v + ")", null};
      case TIME: return new String[] {CAST + "toTime(" + v + ")", null};
      case TIMESTAMP:
        return new String[] {CAST + "toTimestamp(" + v + ", " + target.getPrecision() + ")", null};
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        return new String[] {CAST + "toTimestampLtz(" + v + ", " + target.getPrecision() + ", "
            + g.context().zone() + ")", null};
      case BINARY:
      case VARBINARY:
        return new String[] {fitBinary(CAST + "toBinary(" + v + ")", target), null};
      default:
        throw new UnsupportedExpressionException(
            "CAST from STRING to " + target.getFullTypeString() + " is not supported");
    }
  }
}
