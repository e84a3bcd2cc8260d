package io.strom.planner.calcite;

import io.strom.types.ArrayType;
import io.strom.types.BinaryType;
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
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The planner's type factory and the conversion between Strom's logical types and Calcite's, both
 * ways. Time attributes become {@link TimeIndicatorType}s.
 */
public final class PlannerTypes {
  private final RelDataTypeFactory factory = new PlannerTypeFactory();

  public RelDataTypeFactory factory() {
    return factory;
  }

  public RelDataType toRelType(LogicalType type) {
    RelDataType rel = toRelTypeNotNull(type);
    return factory.createTypeWithNullability(rel, type.nullable());
  }

  private RelDataType toRelTypeNotNull(LogicalType type) {
    return switch (type.root()) {
      case BOOLEAN -> factory.createSqlType(SqlTypeName.BOOLEAN);
      case TINYINT -> factory.createSqlType(SqlTypeName.TINYINT);
      case SMALLINT -> factory.createSqlType(SqlTypeName.SMALLINT);
      case INTEGER -> factory.createSqlType(SqlTypeName.INTEGER);
      case BIGINT -> factory.createSqlType(SqlTypeName.BIGINT);
      case FLOAT -> factory.createSqlType(SqlTypeName.FLOAT);
      case DOUBLE -> factory.createSqlType(SqlTypeName.DOUBLE);
      case DECIMAL -> {
        DecimalType d = (DecimalType) type;
        yield factory.createSqlType(SqlTypeName.DECIMAL, d.precision(), d.scale());
      }
      case CHAR -> factory.createSqlType(SqlTypeName.CHAR, ((CharType) type).length());
      case VARCHAR -> factory.createSqlType(SqlTypeName.VARCHAR, ((VarCharType) type).length());
      case BINARY -> factory.createSqlType(SqlTypeName.BINARY, ((BinaryType) type).length());
      case VARBINARY -> factory.createSqlType(SqlTypeName.VARBINARY, ((VarBinaryType) type).length());
      case DATE -> factory.createSqlType(SqlTypeName.DATE);
      case TIME_WITHOUT_TIME_ZONE ->
          factory.createSqlType(SqlTypeName.TIME, ((TimeType) type).precision());
      case TIMESTAMP_WITHOUT_TIME_ZONE -> {
        TimestampType t = (TimestampType) type;
        yield t.kind() == TimestampKind.REGULAR
            ? factory.createSqlType(SqlTypeName.TIMESTAMP, t.precision())
            : new TimeIndicatorType(
                factory.getTypeSystem(), SqlTypeName.TIMESTAMP, false, t.kind() == TimestampKind.ROWTIME);
      }
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> {
        LocalZonedTimestampType t = (LocalZonedTimestampType) type;
        yield t.kind() == TimestampKind.REGULAR
            ? factory.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, t.precision())
            : new TimeIndicatorType(
                factory.getTypeSystem(),
                SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE,
                false,
                t.kind() == TimestampKind.ROWTIME);
      }
      case INTERVAL_YEAR_MONTH ->
          factory.createSqlIntervalType(
              new SqlIntervalQualifier(TimeUnit.YEAR, TimeUnit.MONTH, SqlParserPos.ZERO));
      case INTERVAL_DAY_TIME ->
          factory.createSqlIntervalType(
              new SqlIntervalQualifier(TimeUnit.DAY, TimeUnit.SECOND, SqlParserPos.ZERO));
      case ARRAY -> factory.createArrayType(toRelType(((ArrayType) type).elementType()), -1);
      case MULTISET -> factory.createMultisetType(toRelType(((MultisetType) type).elementType()), -1);
      case MAP -> {
        MapType m = (MapType) type;
        yield factory.createMapType(toRelType(m.keyType()), toRelType(m.valueType()));
      }
      case ROW -> {
        RowType r = (RowType) type;
        List<String> names = new ArrayList<>();
        List<RelDataType> types = new ArrayList<>();
        for (RowType.RowField f : r.fields()) {
          names.add(f.name());
          types.add(toRelType(f.type()));
        }
        yield factory.createStructType(types, names);
      }
      case NULL -> factory.createSqlType(SqlTypeName.NULL);
    };
  }

  public LogicalType toLogicalType(RelDataType rel) {
    LogicalType type = toLogicalTypeNullable(rel);
    return type.copy(rel.isNullable());
  }

  private LogicalType toLogicalTypeNullable(RelDataType rel) {
    if (rel instanceof TimeIndicatorType indicator) {
      TimestampKind kind = indicator.isEventTime() ? TimestampKind.ROWTIME : TimestampKind.PROCTIME;
      return rel.getSqlTypeName() == SqlTypeName.TIMESTAMP
          ? new TimestampType(true, 3, kind)
          : new LocalZonedTimestampType(true, 3, kind);
    }
    SqlTypeName name = rel.getSqlTypeName();
    return switch (name) {
      case BOOLEAN -> DataTypes.BOOLEAN();
      case TINYINT -> DataTypes.TINYINT();
      case SMALLINT -> DataTypes.SMALLINT();
      case INTEGER -> DataTypes.INT();
      case BIGINT -> DataTypes.BIGINT();
      case FLOAT, REAL -> DataTypes.FLOAT();
      case DOUBLE -> DataTypes.DOUBLE();
      case DECIMAL -> DataTypes.DECIMAL(rel.getPrecision(), rel.getScale());
      case CHAR -> DataTypes.CHAR(rel.getPrecision());
      case VARCHAR -> DataTypes.VARCHAR(rel.getPrecision());
      case BINARY -> DataTypes.BINARY(rel.getPrecision());
      case VARBINARY -> DataTypes.VARBINARY(rel.getPrecision());
      case DATE -> DataTypes.DATE();
      case TIME -> DataTypes.TIME(rel.getPrecision());
      case TIMESTAMP -> DataTypes.TIMESTAMP(rel.getPrecision());
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> DataTypes.TIMESTAMP_LTZ(rel.getPrecision());
      case INTERVAL_YEAR, INTERVAL_YEAR_MONTH, INTERVAL_MONTH ->
          DataTypes.INTERVAL(YearMonthIntervalType.Resolution.YEAR_TO_MONTH);
      case INTERVAL_DAY, INTERVAL_DAY_HOUR, INTERVAL_DAY_MINUTE, INTERVAL_DAY_SECOND,
          INTERVAL_HOUR, INTERVAL_HOUR_MINUTE, INTERVAL_HOUR_SECOND, INTERVAL_MINUTE,
          INTERVAL_MINUTE_SECOND, INTERVAL_SECOND ->
          DataTypes.INTERVAL(DayTimeIntervalType.Resolution.DAY_TO_SECOND, 3);
      case ARRAY -> DataTypes.ARRAY(toLogicalType(rel.getComponentType()));
      case MULTISET -> DataTypes.MULTISET(toLogicalType(rel.getComponentType()));
      case MAP -> DataTypes.MAP(toLogicalType(rel.getKeyType()), toLogicalType(rel.getValueType()));
      case ROW -> toRowType(rel);
      case NULL -> DataTypes.NULL();
      default ->
          throw new IllegalArgumentException("Type " + rel.getFullTypeString() + " is not supported");
    };
  }

  /** The row type of a relational expression's output. */
  public RowType toRowType(RelDataType rel) {
    List<RowType.RowField> fields = new ArrayList<>();
    for (RelDataTypeField f : rel.getFieldList()) {
      fields.add(new RowType.RowField(f.getName(), toLogicalType(f.getType()), null));
    }
    return DataTypes.ROW(fields);
  }
}
