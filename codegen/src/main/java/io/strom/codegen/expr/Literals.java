package io.strom.codegen.expr;

import io.strom.codegen.UnsupportedExpressionException;
import io.strom.runtime.functions.DateTimeUtils;
import io.strom.data.TimestampData;
import java.math.BigDecimal;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.TimestampString;

/** Generates the Java form of SQL literals; non-primitive ones become members built once. */
final class Literals {
  private Literals() {}

  static GeneratedExpr generate(CodeGenContext context, RexLiteral literal) {
    RelDataType type = literal.getType();
    if (literal.isNull()) {
      return new GeneratedExpr("", "true", nullValue(type), type);
    }
    switch (type.getSqlTypeName()) {
      case BOOLEAN:
        return GeneratedExpr.constant(String.valueOf(literal.getValueAs(Boolean.class)), type);
      case TINYINT:
        return GeneratedExpr.constant("((byte) " + literal.getValueAs(Byte.class) + ")", type);
      case SMALLINT:
        return GeneratedExpr.constant("((short) " + literal.getValueAs(Short.class) + ")", type);
      case INTEGER:
        return GeneratedExpr.constant(String.valueOf(literal.getValueAs(Integer.class)), type);
      case BIGINT:
        return GeneratedExpr.constant(literal.getValueAs(Long.class) + "L", type);
      case FLOAT:
      case REAL:
        return GeneratedExpr.constant(
            "Float.intBitsToFloat(" + Float.floatToIntBits(literal.getValueAs(Float.class)) + ")",
            type);
      case DOUBLE:
        return GeneratedExpr.constant(
            "Double.longBitsToDouble(" + Double.doubleToLongBits(literal.getValueAs(Double.class))
                + "L)", type);
      case DECIMAL: {
        BigDecimal value = literal.getValueAs(BigDecimal.class);
        String member = context.addMember(JavaTypes.DECIMAL, "decimal",
            "io.strom.data.DecimalData.fromBigDecimal(new java.math.BigDecimal("
                + JavaTypes.quote(value.toPlainString()) + "), " + type.getPrecision() + ", "
                + type.getScale() + ")");
        return GeneratedExpr.constant(member, type);
      }
      case CHAR:
      case VARCHAR: {
        String member = context.addMember(JavaTypes.STRING, "string",
            "io.strom.data.StringData.fromString("
                + JavaTypes.quote(literal.getValueAs(String.class)) + ")");
        return GeneratedExpr.constant(member, type);
      }
      case BINARY:
      case VARBINARY:
        return GeneratedExpr.constant(bytes(context, literal.getValueAs(ByteString.class)), type);
      case DATE:
      case TIME:
        return GeneratedExpr.constant(String.valueOf(literal.getValueAs(Integer.class)), type);
      case TIMESTAMP:
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE: {
        TimestampString ts = literal.getValueAs(TimestampString.class);
        TimestampData value = DateTimeUtils.parseTimestamp(ts.toString());
        String member = context.addMember(JavaTypes.TIMESTAMP, "timestamp",
            "io.strom.data.TimestampData.fromEpochMillis(" + value.millisecond() + "L, "
                + value.nanoOfMillisecond() + ")");
        return GeneratedExpr.constant(member, type);
      }
      default:
        if (JavaTypes.isYearMonthInterval(type)) {
          return GeneratedExpr.constant(
              String.valueOf(literal.getValueAs(BigDecimal.class).intValueExact()), type);
        }
        if (JavaTypes.isDayTimeInterval(type)) {
          return GeneratedExpr.constant(
              literal.getValueAs(BigDecimal.class).longValueExact() + "L", type);
        }
        throw new UnsupportedExpressionException(
            "Literal " + literal + " of type " + type.getFullTypeString()
                + " is not supported yet");
    }
  }

  private static String bytes(CodeGenContext context, ByteString value) {
    byte[] bytes = value.getBytes();
    StringBuilder init = new StringBuilder("new byte[] {");
    for (int i = 0; i < bytes.length; i++) {
      init.append(i == 0 ? "" : ", ").append(bytes[i]);
    }
    return context.addMember("byte[]", "bytes", init.append('}').toString());
  }

  /**
   * The value term of a NULL literal: a typed {@code null} for reference types, so that code
   * calling a method on it ({@code CARDINALITY(CAST(NULL AS ARRAY<INT>))}) still compiles, though
   * it never runs.
   */
  private static String nullValue(RelDataType type) {
    if (JavaTypes.isPrimitive(type) || type.getSqlTypeName() == SqlTypeName.NULL) {
      return JavaTypes.defaultValue(type);
    }
    return "((" + JavaTypes.of(type) + ") null)";
  }
}
