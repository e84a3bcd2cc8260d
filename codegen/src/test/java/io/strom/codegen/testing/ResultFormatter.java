package io.strom.codegen.testing;

import io.strom.data.ArrayData;
import io.strom.data.DataGetters;
import io.strom.data.MapData;
import io.strom.data.Row;
import io.strom.runtime.functions.CastFunctions;
import io.strom.runtime.functions.DateTimeUtils;
import io.strom.types.ArrayType;
import io.strom.types.DecimalType;
import io.strom.types.LocalZonedTimestampType;
import io.strom.types.LogicalType;
import io.strom.types.MapType;
import io.strom.types.RowType;
import io.strom.types.TimeType;
import io.strom.types.TimestampType;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.StringJoiner;

/** Prints a value as Flink's SQL client shows it (NULL, TRUE, 2024-01-01 12:00:00.000, ...). */
public final class ResultFormatter {
  private ResultFormatter() {}

  public static String format(DataGetters data, int pos, LogicalType type) {
    if (data.isNullAt(pos)) {
      return "NULL";
    }
    switch (type.root()) {
      case BOOLEAN: return data.getBoolean(pos) ? "TRUE" : "FALSE";
      case TINYINT: return String.valueOf(data.getByte(pos));
      case SMALLINT: return String.valueOf(data.getShort(pos));
      case INTEGER: return String.valueOf(data.getInt(pos));
      case BIGINT: return String.valueOf(data.getLong(pos));
      case FLOAT: return String.valueOf(data.getFloat(pos));
      case DOUBLE: return String.valueOf(data.getDouble(pos));
      case DECIMAL: {
        DecimalType d = (DecimalType) type;
        return data.getDecimal(pos, d.precision(), d.scale()).toString();
      }
      case CHAR:
      case VARCHAR: return data.getString(pos).toString();
      case BINARY:
      case VARBINARY: return "x'" + HexFormat.of().formatHex(data.getBinary(pos)) + "'";
      case DATE: return DateTimeUtils.formatDate(data.getInt(pos));
      case TIME_WITHOUT_TIME_ZONE:
        return DateTimeUtils.formatTime(data.getInt(pos), ((TimeType) type).precision());
      case TIMESTAMP_WITHOUT_TIME_ZONE: {
        int p = ((TimestampType) type).precision();
        return DateTimeUtils.formatTimestamp(data.getTimestamp(pos, p), p);
      }
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE: {
        int p = ((LocalZonedTimestampType) type).precision();
        return DateTimeUtils.formatTimestampLtz(data.getTimestamp(pos, p), ZoneOffset.UTC, p);
      }
      case INTERVAL_YEAR_MONTH:
        return CastFunctions.fromYearMonthInterval(data.getInt(pos)).toString();
      case INTERVAL_DAY_TIME:
        return CastFunctions.fromDayTimeInterval(data.getLong(pos)).toString();
      case ARRAY: return array(data.getArray(pos), ((ArrayType) type).elementType());
      case MAP: return map(data.getMap(pos), (MapType) type);
      case ROW: {
        RowType rowType = (RowType) type;
        Row row = data.getRow(pos, rowType.fieldCount());
        StringJoiner joiner = new StringJoiner(", ", "(", ")");
        for (int i = 0; i < rowType.fieldCount(); i++) {
          joiner.add(format(row, i, rowType.typeAt(i)));
        }
        return joiner.toString();
      }
      default: return "?" + type;
    }
  }

  private static String array(ArrayData array, LogicalType elementType) {
    StringJoiner joiner = new StringJoiner(", ", "[", "]");
    for (int i = 0; i < array.size(); i++) {
      joiner.add(format(array, i, elementType));
    }
    return joiner.toString();
  }

  private static String map(MapData map, MapType type) {
    StringJoiner joiner = new StringJoiner(", ", "{", "}");
    for (int i = 0; i < map.size(); i++) {
      joiner.add(format(map.keyArray(), i, type.keyType()) + "="
          + format(map.valueArray(), i, type.valueType()));
    }
    return joiner.toString();
  }
}
