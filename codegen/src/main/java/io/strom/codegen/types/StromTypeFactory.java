package io.strom.codegen.types;

import io.strom.types.TimestampKind;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Calcite type factory of Strom: Java types as in Calcite, with {@link StromTypeSystem}'s rules,
 * UTF-16 as the character set of strings (so any Unicode text is a valid literal), and time
 * attributes kept on timestamp types ({@link TimeAttributeType}).
 */
public final class StromTypeFactory extends JavaTypeFactoryImpl {

  public StromTypeFactory() {
    super(StromTypeSystem.INSTANCE);
  }

  @Override
  public Charset getDefaultCharset() {
    return StandardCharsets.UTF_16LE;
  }

  /** A TIMESTAMP(p) or TIMESTAMP_LTZ(p) that is a ROWTIME or PROCTIME attribute. */
  public RelDataType createTimeAttributeType(
      SqlTypeName typeName, int precision, TimestampKind kind, boolean nullable) {
    if (typeName != SqlTypeName.TIMESTAMP
        && typeName != SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE) {
      throw new IllegalArgumentException("A time attribute must be a timestamp, not " + typeName);
    }
    if (kind == TimestampKind.REGULAR) {
      return createTypeWithNullability(createSqlType(typeName, precision), nullable);
    }
    return canonize(new TimeAttributeType(typeSystem, typeName, precision, kind, nullable));
  }

  @Override
  public RelDataType createTypeWithNullability(RelDataType type, boolean nullable) {
    if (type instanceof TimeAttributeType attribute) {
      if (attribute.isNullable() == nullable) {
        return attribute;
      }
      return createTimeAttributeType(
          attribute.getSqlTypeName(), attribute.getPrecision(), attribute.kind(), nullable);
    }
    return super.createTypeWithNullability(type, nullable);
  }
}
