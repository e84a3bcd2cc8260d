package io.strom.planner.ddl;

import io.strom.planner.ValidationException;
import io.strom.sql.parser.type.SqlAliasTypeNameSpec;
import io.strom.sql.parser.type.SqlAngleCollectionTypeNameSpec;
import io.strom.sql.parser.type.SqlAngleMapTypeNameSpec;
import io.strom.sql.parser.type.SqlIntervalTypeNameSpec;
import io.strom.sql.parser.type.SqlStromRowTypeNameSpec;
import io.strom.types.DataTypes;
import io.strom.types.DayTimeIntervalType;
import io.strom.types.LogicalType;
import io.strom.types.RowType;
import io.strom.types.YearMonthIntervalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlCollectionTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Turns the data types written in DDL into Strom's logical types, with Flink's defaults for
 * omitted lengths and precisions: {@code VARCHAR} is {@code STRING}, {@code CHAR} is
 * {@code CHAR(1)}, {@code DECIMAL} is {@code DECIMAL(10, 0)}, {@code TIME} is {@code TIME(0)},
 * {@code TIMESTAMP} and {@code TIMESTAMP_LTZ} have precision 6.
 */
public final class DataTypeSpecs {
  private DataTypeSpecs() {}

  public static LogicalType toLogicalType(SqlDataTypeSpec spec) {
    LogicalType type = fromName(spec.getTypeNameSpec(), spec);
    return Boolean.FALSE.equals(spec.getNullable()) ? type.copy(false) : type;
  }

  private static LogicalType fromName(SqlTypeNameSpec name, SqlDataTypeSpec spec) {
    if (name instanceof SqlAliasTypeNameSpec alias) {
      return switch (alias.alias()) {
        case STRING -> DataTypes.STRING();
        case BYTES -> DataTypes.BYTES();
        case TIMESTAMP_LTZ -> DataTypes.TIMESTAMP_LTZ(precision(alias, 6));
      };
    }
    if (name instanceof SqlAngleCollectionTypeNameSpec collection) {
      LogicalType element = toLogicalType(collection.element());
      return collection.kind() == SqlTypeName.MULTISET
          ? DataTypes.MULTISET(element)
          : DataTypes.ARRAY(element);
    }
    if (name instanceof SqlCollectionTypeNameSpec collection) {
      LogicalType element = fromName(collection.getElementTypeName(), spec);
      return "MULTISET".equalsIgnoreCase(collection.getTypeName().getSimple())
          ? DataTypes.MULTISET(element)
          : DataTypes.ARRAY(element);
    }
    if (name instanceof SqlAngleMapTypeNameSpec map) {
      return DataTypes.MAP(toLogicalType(map.key()), toLogicalType(map.value()));
    }
    if (name instanceof SqlStromRowTypeNameSpec row) {
      return rowType(row);
    }
    if (name instanceof SqlIntervalTypeNameSpec interval) {
      return intervalType(interval.qualifier());
    }
    if (name instanceof SqlBasicTypeNameSpec basic) {
      return basicType(basic);
    }
    throw new ValidationException(
        spec.getParserPosition(), "Type '" + name.getTypeName() + "' is not supported");
  }

  private static RowType rowType(SqlStromRowTypeNameSpec row) {
    List<RowType.RowField> fields = new ArrayList<>();
    for (int i = 0; i < row.fieldNames().size(); i++) {
      SqlNode comment = row.fieldComments().get(i);
      String description =
          comment instanceof SqlCharStringLiteral literal ? literal.getValueAs(String.class) : null;
      fields.add(
          new RowType.RowField(
              row.fieldNames().get(i).getSimple(),
              toLogicalType(row.fieldTypes().get(i)),
              description));
    }
    return DataTypes.ROW(fields);
  }

  private static LogicalType intervalType(SqlIntervalQualifier qualifier) {
    TimeUnit start = qualifier.getStartUnit();
    if (start == TimeUnit.YEAR || start == TimeUnit.MONTH) {
      return switch (qualifier.timeUnitRange) {
        case YEAR -> DataTypes.INTERVAL(YearMonthIntervalType.Resolution.YEAR);
        case MONTH -> DataTypes.INTERVAL(YearMonthIntervalType.Resolution.MONTH);
        default -> DataTypes.INTERVAL(YearMonthIntervalType.Resolution.YEAR_TO_MONTH);
      };
    }
    int fraction = qualifier.getFractionalSecondPrecisionPreservingDefault();
    int fractional = fraction < 0 ? 6 : fraction;
    DayTimeIntervalType.Resolution resolution =
        switch (qualifier.timeUnitRange) {
          case DAY -> DayTimeIntervalType.Resolution.DAY;
          case DAY_TO_HOUR -> DayTimeIntervalType.Resolution.DAY_TO_HOUR;
          case DAY_TO_MINUTE -> DayTimeIntervalType.Resolution.DAY_TO_MINUTE;
          case HOUR -> DayTimeIntervalType.Resolution.HOUR;
          case HOUR_TO_MINUTE -> DayTimeIntervalType.Resolution.HOUR_TO_MINUTE;
          case HOUR_TO_SECOND -> DayTimeIntervalType.Resolution.HOUR_TO_SECOND;
          case MINUTE -> DayTimeIntervalType.Resolution.MINUTE;
          case MINUTE_TO_SECOND -> DayTimeIntervalType.Resolution.MINUTE_TO_SECOND;
          case SECOND -> DayTimeIntervalType.Resolution.SECOND;
          default -> DayTimeIntervalType.Resolution.DAY_TO_SECOND;
        };
    return DataTypes.INTERVAL(resolution, fractional);
  }

  private static int precision(SqlBasicTypeNameSpec spec, int fallback) {
    return spec.getPrecision() < 0 ? fallback : spec.getPrecision();
  }

  private static LogicalType basicType(SqlBasicTypeNameSpec basic) {
    SqlTypeName typeName = SqlTypeName.get(basic.getTypeName().getSimple().toUpperCase(java.util.Locale.ROOT));
    if (typeName == null) {
      throw new ValidationException(
          basic.getParserPos(), "Unknown type '" + basic.getTypeName().getSimple() + "'");
    }
    return switch (typeName) {
      case BOOLEAN -> DataTypes.BOOLEAN();
      case TINYINT -> DataTypes.TINYINT();
      case SMALLINT -> DataTypes.SMALLINT();
      case INTEGER -> DataTypes.INT();
      case BIGINT -> DataTypes.BIGINT();
      case FLOAT, REAL -> DataTypes.FLOAT();
      case DOUBLE -> DataTypes.DOUBLE();
      case DECIMAL ->
          DataTypes.DECIMAL(precision(basic, 10), basic.getScale() < 0 ? 0 : basic.getScale());
      case CHAR -> DataTypes.CHAR(precision(basic, 1));
      case VARCHAR -> DataTypes.VARCHAR(precision(basic, Integer.MAX_VALUE));
      case BINARY -> DataTypes.BINARY(precision(basic, 1));
      case VARBINARY -> DataTypes.VARBINARY(precision(basic, Integer.MAX_VALUE));
      case DATE -> DataTypes.DATE();
      case TIME -> DataTypes.TIME(precision(basic, 0));
      case TIMESTAMP -> DataTypes.TIMESTAMP(precision(basic, 6));
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> DataTypes.TIMESTAMP_LTZ(precision(basic, 6));
      case NULL -> DataTypes.NULL();
      default ->
          throw new ValidationException(
              basic.getParserPos(), "Type '" + typeName + "' is not supported in Strom");
    };
  }
}
