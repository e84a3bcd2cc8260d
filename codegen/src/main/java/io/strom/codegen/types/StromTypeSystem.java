package io.strom.codegen.types;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Calcite type system with Flink's rules: DECIMAL up to precision 38; strings and binaries up to
 * {@link Integer#MAX_VALUE}; timestamps and times up to precision 9 with TIMESTAMP defaulting to 6;
 * decimal results of {@code + - * / %} and of SUM and AVG derived as Flink derives them.
 */
public final class StromTypeSystem extends RelDataTypeSystemImpl {
  public static final StromTypeSystem INSTANCE = new StromTypeSystem();

  public static final int MAX_DECIMAL_PRECISION = 38;
  /** Fewest fraction digits a decimal division or AVG keeps when precision runs out. */
  private static final int MIN_ADJUSTED_SCALE = 6;

  private StromTypeSystem() {}

  @Override
  public int getMaxPrecision(SqlTypeName typeName) {
    switch (typeName) {
      case DECIMAL:
        return MAX_DECIMAL_PRECISION;
      case CHAR:
      case VARCHAR:
      case BINARY:
      case VARBINARY:
        return Integer.MAX_VALUE;
      case TIME:
      case TIME_WITH_LOCAL_TIME_ZONE:
      case TIMESTAMP:
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        return 9;
      default:
        return super.getMaxPrecision(typeName);
    }
  }

  @Override
  public int getMaxScale(SqlTypeName typeName) {
    return typeName == SqlTypeName.DECIMAL ? MAX_DECIMAL_PRECISION : super.getMaxScale(typeName);
  }

  @Override
  public int getDefaultPrecision(SqlTypeName typeName) {
    switch (typeName) {
      case DECIMAL:
        return 10;
      case VARCHAR:
      case VARBINARY:
        return Integer.MAX_VALUE;
      case CHAR:
      case BINARY:
        return 1;
      case TIMESTAMP:
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        return 6;
      case TIME:
      case TIME_WITH_LOCAL_TIME_ZONE:
        return 0;
      default:
        return super.getDefaultPrecision(typeName);
    }
  }

  @Override
  public boolean shouldConvertRaggedUnionTypesToVarying() {
    return true;
  }

  @Override
  public RelDataType deriveDecimalPlusType(
      RelDataTypeFactory factory, RelDataType type1, RelDataType type2) {
    if (!isDecimalOperation(type1, type2)) {
      return null;
    }
    RelDataType a = factory.decimalOf(type1);
    RelDataType b = factory.decimalOf(type2);
    int scale = Math.max(a.getScale(), b.getScale());
    int precision = Math.max(a.getPrecision() - a.getScale(), b.getPrecision() - b.getScale())
        + scale + 1;
    return adjusted(factory, precision, scale);
  }

  @Override
  public RelDataType deriveDecimalMultiplyType(
      RelDataTypeFactory factory, RelDataType type1, RelDataType type2) {
    if (!isDecimalOperation(type1, type2)) {
      return null;
    }
    RelDataType a = factory.decimalOf(type1);
    RelDataType b = factory.decimalOf(type2);
    return adjusted(
        factory, a.getPrecision() + b.getPrecision() + 1, a.getScale() + b.getScale());
  }

  @Override
  public RelDataType deriveDecimalDivideType(
      RelDataTypeFactory factory, RelDataType type1, RelDataType type2) {
    if (!isDecimalOperation(type1, type2)) {
      return null;
    }
    RelDataType a = factory.decimalOf(type1);
    RelDataType b = factory.decimalOf(type2);
    int scale = Math.max(MIN_ADJUSTED_SCALE, a.getScale() + b.getPrecision() + 1);
    int precision = a.getPrecision() - a.getScale() + b.getScale() + scale;
    return adjusted(factory, precision, scale);
  }

  @Override
  public RelDataType deriveDecimalModType(
      RelDataTypeFactory factory, RelDataType type1, RelDataType type2) {
    if (!isDecimalOperation(type1, type2)) {
      return null;
    }
    RelDataType a = factory.decimalOf(type1);
    RelDataType b = factory.decimalOf(type2);
    int scale = Math.max(a.getScale(), b.getScale());
    int precision =
        Math.min(a.getPrecision() - a.getScale(), b.getPrecision() - b.getScale()) + scale;
    return adjusted(factory, precision, scale);
  }

  /** SUM of DECIMAL(p, s) is DECIMAL(38, s); of other types the argument's type, as in Flink. */
  @Override
  public RelDataType deriveSumType(RelDataTypeFactory factory, RelDataType argumentType) {
    if (argumentType.getSqlTypeName() != SqlTypeName.DECIMAL) {
      return argumentType;
    }
    RelDataType sum = factory.createSqlType(
        SqlTypeName.DECIMAL, MAX_DECIMAL_PRECISION, argumentType.getScale());
    return factory.createTypeWithNullability(sum, argumentType.isNullable());
  }

  /** AVG of DECIMAL(p, s) is DECIMAL(38, max(s, 6)); of other types the argument's type. */
  @Override
  public RelDataType deriveAvgAggType(RelDataTypeFactory factory, RelDataType argumentType) {
    if (argumentType.getSqlTypeName() != SqlTypeName.DECIMAL) {
      return argumentType;
    }
    RelDataType avg = factory.createSqlType(
        SqlTypeName.DECIMAL, MAX_DECIMAL_PRECISION,
        Math.max(argumentType.getScale(), MIN_ADJUSTED_SCALE));
    return factory.createTypeWithNullability(avg, argumentType.isNullable());
  }

  private static boolean isDecimalOperation(RelDataType type1, RelDataType type2) {
    return SqlTypeUtil.isExactNumeric(type1)
        && SqlTypeUtil.isExactNumeric(type2)
        && (SqlTypeUtil.isDecimal(type1) || SqlTypeUtil.isDecimal(type2));
  }

  /**
   * Fits a derived DECIMAL(precision, scale) into precision 38 as Flink does: integral digits are
   * kept, and the scale shrinks down to at most 6 (or the derived scale if smaller).
   */
  public static RelDataType adjusted(RelDataTypeFactory factory, int precision, int scale) {
    int[] ps = adjustPrecisionScale(precision, scale);
    return factory.createSqlType(SqlTypeName.DECIMAL, ps[0], ps[1]);
  }

  /** The precision and scale {@link #adjusted} gives. */
  public static int[] adjustPrecisionScale(int precision, int scale) {
    if (precision <= MAX_DECIMAL_PRECISION) {
      return new int[] {precision, scale};
    }
    int integral = precision - scale;
    int minScale = Math.min(scale, MIN_ADJUSTED_SCALE);
    int newScale = Math.max(MAX_DECIMAL_PRECISION - integral, minScale);
    return new int[] {MAX_DECIMAL_PRECISION, newScale};
  }
}
