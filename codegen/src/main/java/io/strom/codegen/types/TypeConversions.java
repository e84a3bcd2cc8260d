package io.strom.codegen.types;

import io.strom.types.ArrayType;
import io.strom.types.BinaryType;
import io.strom.types.BooleanType;
import io.strom.types.CharType;
import io.strom.types.DataTypes;
import io.strom.types.DayTimeIntervalType;
import io.strom.types.DecimalType;
import io.strom.types.LocalZonedTimestampType;
import io.strom.types.LogicalType;
import io.strom.types.MapType;
import io.strom.types.MultisetType;
import io.strom.types.RowType;
import io.strom.types.TimeType;
import io.strom.types.TimestampKind;
import io.strom.types.TimestampType;
import io.strom.types.VarBinaryType;
import io.strom.types.VarCharType;
import io.strom.types.YearMonthIntervalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rel.type.StructKind;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Converts Strom's {@link LogicalType}s to Calcite's {@link RelDataType}s and back.
 *
 * <p>STRING is VARCHAR(2147483647), TIMESTAMP_LTZ is TIMESTAMP_WITH_LOCAL_TIME_ZONE, nullability
 * is kept, and time attributes travel as {@link TimeAttributeType}. Nested rows become struct types
 * whose fields can be accessed with {@code r.f} ({@link StructKind#PEEK_FIELDS_NO_EXPAND}).
 */
public final class TypeConversions {
  private TypeConversions() {}

  /** The Calcite type of a table's rows: a struct of its fields. */
  public static RelDataType toRelRowType(RelDataTypeFactory factory, RowType rowType) {
    List<String> names = new ArrayList<>();
    List<RelDataType> types = new ArrayList<>();
    for (RowType.RowField field : rowType.fields()) {
      names.add(field.name());
      types.add(toRelDataType(factory, field.type()));
    }
    return factory.createStructType(StructKind.FULLY_QUALIFIED, types, names);
  }

  /** The Calcite type of a value of {@code type}. */
  public static RelDataType toRelDataType(RelDataTypeFactory factory, LogicalType type) {
    return factory.createTypeWithNullability(toRelNotNull(factory, type), type.nullable());
  }

  private static RelDataType toRelNotNull(RelDataTypeFactory f, LogicalType type) {
    switch (type.root()) {
      case BOOLEAN: return f.createSqlType(SqlTypeName.BOOLEAN);
      case TINYINT: return f.createSqlType(SqlTypeName.TINYINT);
      case SMALLINT: return f.createSqlType(SqlTypeName.SMALLINT);
      case INTEGER: return f.createSqlType(SqlTypeName.INTEGER);
      case BIGINT: return f.createSqlType(SqlTypeName.BIGINT);
      case FLOAT: return f.createSqlType(SqlTypeName.FLOAT);
      case DOUBLE: return f.createSqlType(SqlTypeName.DOUBLE);
      case DECIMAL: {
        DecimalType d = (DecimalType) type;
        return f.createSqlType(SqlTypeName.DECIMAL, d.precision(), d.scale());
      }
      case CHAR: return f.createSqlType(SqlTypeName.CHAR, ((CharType) type).length());
      case VARCHAR: return f.createSqlType(SqlTypeName.VARCHAR, ((VarCharType) type).length());
      case BINARY: return f.createSqlType(SqlTypeName.BINARY, ((BinaryType) type).length());
      case VARBINARY:
        return f.createSqlType(SqlTypeName.VARBINARY, ((VarBinaryType) type).length());
      case DATE: return f.createSqlType(SqlTypeName.DATE);
      case TIME_WITHOUT_TIME_ZONE:
        return f.createSqlType(SqlTypeName.TIME, ((TimeType) type).precision());
      case TIMESTAMP_WITHOUT_TIME_ZONE: {
        TimestampType t = (TimestampType) type;
        return timestamp(f, SqlTypeName.TIMESTAMP, t.precision(), t.kind());
      }
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE: {
        LocalZonedTimestampType t = (LocalZonedTimestampType) type;
        return timestamp(f, SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, t.precision(), t.kind());
      }
      case INTERVAL_YEAR_MONTH: return yearMonthInterval(f, (YearMonthIntervalType) type);
      case INTERVAL_DAY_TIME: return dayTimeInterval(f, (DayTimeIntervalType) type);
      case ARRAY:
        return f.createArrayType(toRelDataType(f, ((ArrayType) type).elementType()), -1);
      case MAP: {
        MapType m = (MapType) type;
        return f.createMapType(toRelDataType(f, m.keyType()), toRelDataType(f, m.valueType()));
      }
      case MULTISET:
        return f.createMultisetType(toRelDataType(f, ((MultisetType) type).elementType()), -1);
      case ROW: return nestedRow(f, (RowType) type);
      case NULL: return f.createSqlType(SqlTypeName.NULL);
      default: throw new IllegalArgumentException("No Calcite type for " + type);
    }
  }

  private static RelDataType timestamp(
      RelDataTypeFactory f, SqlTypeName name, int precision, TimestampKind kind) {
    if (kind != TimestampKind.REGULAR && f instanceof StromTypeFactory strom) {
      return strom.createTimeAttributeType(name, precision, kind, false);
    }
    return f.createSqlType(name, precision);
  }

  private static RelDataType nestedRow(RelDataTypeFactory f, RowType row) {
    List<String> names = new ArrayList<>();
    List<RelDataType> types = new ArrayList<>();
    for (RowType.RowField field : row.fields()) {
      names.add(field.name());
      types.add(toRelDataType(f, field.type()));
    }
    return f.createStructType(StructKind.PEEK_FIELDS_NO_EXPAND, types, names);
  }

  private static RelDataType yearMonthInterval(RelDataTypeFactory f, YearMonthIntervalType t) {
    SqlIntervalQualifier q;
    switch (t.resolution()) {
      case YEAR:
        q = new SqlIntervalQualifier(TimeUnit.YEAR, t.yearPrecision(), null, -1, SqlParserPos.ZERO);
        break;
      case MONTH:
        q = new SqlIntervalQualifier(TimeUnit.MONTH, -1, null, -1, SqlParserPos.ZERO);
        break;
      default:
        q = new SqlIntervalQualifier(
            TimeUnit.YEAR, t.yearPrecision(), TimeUnit.MONTH, -1, SqlParserPos.ZERO);
    }
    return f.createSqlIntervalType(q);
  }

  private static RelDataType dayTimeInterval(RelDataTypeFactory f, DayTimeIntervalType t) {
    int lead = t.dayPrecision();
    int frac = t.fractionalPrecision();
    TimeUnit start;
    TimeUnit end;
    switch (t.resolution()) {
      case DAY: start = TimeUnit.DAY; end = null; break;
      case DAY_TO_HOUR: start = TimeUnit.DAY; end = TimeUnit.HOUR; break;
      case DAY_TO_MINUTE: start = TimeUnit.DAY; end = TimeUnit.MINUTE; break;
      case DAY_TO_SECOND: start = TimeUnit.DAY; end = TimeUnit.SECOND; break;
      case HOUR: start = TimeUnit.HOUR; end = null; lead = -1; break;
      case HOUR_TO_MINUTE: start = TimeUnit.HOUR; end = TimeUnit.MINUTE; lead = -1; break;
      case HOUR_TO_SECOND: start = TimeUnit.HOUR; end = TimeUnit.SECOND; lead = -1; break;
      case MINUTE: start = TimeUnit.MINUTE; end = null; lead = -1; break;
      case MINUTE_TO_SECOND: start = TimeUnit.MINUTE; end = TimeUnit.SECOND; lead = -1; break;
      default: start = TimeUnit.SECOND; end = null; break;
    }
    return f.createSqlIntervalType(
        new SqlIntervalQualifier(start, lead, end, frac, SqlParserPos.ZERO));
  }

  /** The Strom row type of a Calcite struct type, e.g. a plan node's output. */
  public static RowType toRowType(RelDataType relType) {
    List<RowType.RowField> fields = new ArrayList<>();
    for (RelDataTypeField field : relType.getFieldList()) {
      fields.add(new RowType.RowField(field.getName(), toLogicalType(field.getType())));
    }
    return new RowType(relType.isNullable(), fields);
  }

  /** The Strom type of a Calcite type. */
  public static LogicalType toLogicalType(RelDataType type) {
    return toLogicalNotNull(type).copy(type.isNullable() || type.getSqlTypeName() == SqlTypeName.NULL);
  }

  private static LogicalType toLogicalNotNull(RelDataType t) {
    SqlTypeName name = t.getSqlTypeName();
    switch (name) {
      case BOOLEAN: return new BooleanType(false);
      case TINYINT: return DataTypes.TINYINT();
      case SMALLINT: return DataTypes.SMALLINT();
      case INTEGER: return DataTypes.INT();
      case BIGINT: return DataTypes.BIGINT();
      case FLOAT:
      case REAL: return DataTypes.FLOAT();
      case DOUBLE: return DataTypes.DOUBLE();
      case DECIMAL: return DataTypes.DECIMAL(t.getPrecision(), t.getScale());
      // Length 0 is the empty literal's (and what is computed from it): keeping it, rather than
      // widening to 1, keeps '' empty where a value is cast to its field's type (no padding).
      case CHAR: return new CharType(true, t.getPrecision());
      case VARCHAR: return new VarCharType(true, t.getPrecision());
      case BINARY: return new BinaryType(true, t.getPrecision());
      case VARBINARY: return new VarBinaryType(true, t.getPrecision());
      case DATE: return DataTypes.DATE();
      case TIME: return DataTypes.TIME(t.getPrecision());
      case TIMESTAMP: return new TimestampType(true, t.getPrecision(), kindOf(t));
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        return new LocalZonedTimestampType(true, t.getPrecision(), kindOf(t));
      case ARRAY: return DataTypes.ARRAY(toLogicalType(t.getComponentType()));
      case MULTISET: return DataTypes.MULTISET(toLogicalType(t.getComponentType()));
      case MAP: return DataTypes.MAP(toLogicalType(t.getKeyType()), toLogicalType(t.getValueType()));
      case ROW: return toRowType(t);
      case NULL: return DataTypes.NULL();
      default:
        if (name.getFamily() == org.apache.calcite.sql.type.SqlTypeFamily.INTERVAL_YEAR_MONTH) {
          return IntervalConversions.yearMonth(t);
        }
        if (name.getFamily() == org.apache.calcite.sql.type.SqlTypeFamily.INTERVAL_DAY_TIME) {
          return IntervalConversions.dayTime(t);
        }
        throw new IllegalArgumentException("Strom has no type for SQL type " + t.getFullTypeString());
    }
  }

  private static TimestampKind kindOf(RelDataType t) {
    return t instanceof TimeAttributeType attribute ? attribute.kind() : TimestampKind.REGULAR;
  }
}
