package io.strom.serde;

import io.strom.data.DecimalData;
import io.strom.types.ArrayType;
import io.strom.types.DecimalType;
import io.strom.types.LocalZonedTimestampType;
import io.strom.types.LogicalType;
import io.strom.types.MapType;
import io.strom.types.MultisetType;
import io.strom.types.RowType;
import io.strom.types.TimestampType;

/** Builds the {@link FieldCopier} of each SQL type. */
public final class FieldCopiers {
  private FieldCopiers() {}

  /**
   * A copier for positions of {@code type}. Copiers of nested types own serializers with scratch
   * buffers, so a copier must be used by one thread at a time.
   */
  public static FieldCopier of(LogicalType type) {
    FieldCopier nonNull = nonNull(type);
    return (from, pos, to) -> {
      if (from.isNullAt(pos)) {
        to.setNullAt(pos);
      } else {
        nonNull.copy(from, pos, to);
      }
    };
  }

  private static FieldCopier nonNull(LogicalType type) {
    return switch (type.root()) {
      case BOOLEAN -> (from, pos, to) -> to.writeBoolean(pos, from.getBoolean(pos));
      case TINYINT -> (from, pos, to) -> to.writeByte(pos, from.getByte(pos));
      case SMALLINT -> (from, pos, to) -> to.writeShort(pos, from.getShort(pos));
      case INTEGER, DATE, TIME_WITHOUT_TIME_ZONE, INTERVAL_YEAR_MONTH ->
          (from, pos, to) -> to.writeInt(pos, from.getInt(pos));
      case BIGINT, INTERVAL_DAY_TIME -> (from, pos, to) -> to.writeLong(pos, from.getLong(pos));
      case FLOAT -> (from, pos, to) -> to.writeFloat(pos, from.getFloat(pos));
      case DOUBLE -> (from, pos, to) -> to.writeDouble(pos, from.getDouble(pos));
      case CHAR, VARCHAR -> (from, pos, to) -> to.writeString(pos, from.getString(pos));
      case BINARY, VARBINARY -> (from, pos, to) -> to.writeBinary(pos, from.getBinary(pos));
      case DECIMAL -> decimal((DecimalType) type);
      case TIMESTAMP_WITHOUT_TIME_ZONE -> timestamp(((TimestampType) type).precision());
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE ->
          timestamp(((LocalZonedTimestampType) type).precision());
      case ARRAY -> array((ArrayType) type);
      case MAP -> map((MapType) type);
      case MULTISET -> map(((MultisetType) type).asMapType());
      case ROW -> row((RowType) type);
      case NULL -> (from, pos, to) -> to.setNullAt(pos);
    };
  }

  private static FieldCopier decimal(DecimalType type) {
    int precision = type.precision();
    int scale = type.scale();
    return (from, pos, to) -> {
      DecimalData value = from.getDecimal(pos, precision, scale);
      if (value.precision() != precision || value.scale() != scale) {
        // generic rows may hold decimals of their own precision, e.g. from a BigDecimal literal
        value = DecimalData.fromBigDecimal(value.toBigDecimal(), precision, scale);
      }
      if (value == null) {
        to.setNullAt(pos); // overflow of the declared precision is NULL in SQL
      } else {
        to.writeDecimal(pos, value, precision);
      }
    };
  }

  private static FieldCopier timestamp(int precision) {
    return (from, pos, to) -> to.writeTimestamp(pos, from.getTimestamp(pos, precision), precision);
  }

  private static FieldCopier array(ArrayType type) {
    ArrayDataSerializer nested = new ArrayDataSerializer(type.elementType());
    return (from, pos, to) -> to.writeArray(pos, nested.toBinary(from.getArray(pos)));
  }

  private static FieldCopier map(MapType type) {
    MapDataSerializer nested = new MapDataSerializer(type.keyType(), type.valueType());
    return (from, pos, to) -> to.writeMap(pos, nested.toBinary(from.getMap(pos)));
  }

  private static FieldCopier row(RowType type) {
    RowSerializer nested = new RowSerializer(type);
    int arity = type.fieldCount();
    return (from, pos, to) -> to.writeRow(pos, nested.toBinary(from.getRow(pos, arity)));
  }
}
