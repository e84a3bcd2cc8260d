package io.strom.data;

import io.strom.types.ArrayType;
import io.strom.types.DecimalType;
import io.strom.types.LocalZonedTimestampType;
import io.strom.types.IntType;
import io.strom.types.LogicalType;
import io.strom.types.LogicalTypeRoot;
import io.strom.types.MapType;
import io.strom.types.MultisetType;
import io.strom.types.RowType;
import io.strom.types.TimestampType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Converts rows, arrays and maps of any form to their generic forms with the help of their type,
 * e.g. to print a {@link BinaryRow} or to compare it with an expected {@link GenericRow}. Allocates
 * per field: for tests, printing and tools, not the per-record path.
 */
public final class GenericConverter {
  private GenericConverter() {}

  /** The row as a {@link GenericRow} whose nested values are generic too. */
  public static GenericRow toGenericRow(Row row, RowType type) {
    GenericRow generic = new GenericRow(row.kind(), row.arity());
    for (int i = 0; i < row.arity(); i++) {
      LogicalType fieldType = type.typeAt(i);
      if (row.isNullAt(i)) {
        generic.setNullAt(i);
      } else if (fieldType.root() == LogicalTypeRoot.DATE) {
        generic.setDate(i, row.getInt(i));
      } else if (fieldType.root() == LogicalTypeRoot.TIME_WITHOUT_TIME_ZONE) {
        generic.setTime(i, row.getInt(i));
      } else {
        generic.setField(i, get(row, i, fieldType));
      }
    }
    return generic;
  }

  /** Prints the row as Flink prints changelog rows, e.g. {@code +I[a, 2024-01-01, null]}. */
  public static String format(Row row, RowType type) {
    return toGenericRow(row, type).toString();
  }

  public static GenericArray toGenericArray(ArrayData array, LogicalType elementType) {
    Object[] elements = new Object[array.size()];
    for (int i = 0; i < elements.length; i++) {
      elements[i] = array.isNullAt(i) ? null : get(array, i, elementType);
    }
    return new GenericArray(elements);
  }

  public static GenericMap toGenericMap(MapData map, LogicalType keyType, LogicalType valueType) {
    ArrayData keys = map.keyArray();
    ArrayData values = map.valueArray();
    Map<Object, Object> entries = new LinkedHashMap<>();
    for (int i = 0; i < map.size(); i++) {
      entries.put(
          keys.isNullAt(i) ? null : get(keys, i, keyType),
          values.isNullAt(i) ? null : get(values, i, valueType));
    }
    return new GenericMap(entries);
  }

  /** The non-null value at {@code pos} as a boxed internal value in generic form. */
  public static Object get(DataGetters data, int pos, LogicalType type) {
    return switch (type.root()) {
      case BOOLEAN -> data.getBoolean(pos);
      case TINYINT -> data.getByte(pos);
      case SMALLINT -> data.getShort(pos);
      case INTEGER, DATE, TIME_WITHOUT_TIME_ZONE, INTERVAL_YEAR_MONTH -> data.getInt(pos);
      case BIGINT, INTERVAL_DAY_TIME -> data.getLong(pos);
      case FLOAT -> data.getFloat(pos);
      case DOUBLE -> data.getDouble(pos);
      case CHAR, VARCHAR -> data.getString(pos).copy();
      case BINARY, VARBINARY -> data.getBinary(pos);
      case DECIMAL -> {
        DecimalType decimal = (DecimalType) type;
        yield data.getDecimal(pos, decimal.precision(), decimal.scale());
      }
      case TIMESTAMP_WITHOUT_TIME_ZONE ->
          data.getTimestamp(pos, ((TimestampType) type).precision());
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE ->
          data.getTimestamp(pos, ((LocalZonedTimestampType) type).precision());
      case ARRAY -> toGenericArray(data.getArray(pos), ((ArrayType) type).elementType());
      case MAP -> toGenericMap(
          data.getMap(pos), ((MapType) type).keyType(), ((MapType) type).valueType());
      case MULTISET -> toGenericMap(
          data.getMap(pos), ((MultisetType) type).elementType(), new IntType(false));
      case ROW -> {
        RowType rowType = (RowType) type;
        yield toGenericRow(data.getRow(pos, rowType.fieldCount()), rowType);
      }
      case NULL -> null;
    };
  }
}
