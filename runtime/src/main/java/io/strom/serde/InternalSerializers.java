package io.strom.serde;

import io.strom.types.ArrayType;
import io.strom.types.DecimalType;
import io.strom.types.LocalZonedTimestampType;
import io.strom.types.LogicalType;
import io.strom.types.MapType;
import io.strom.types.MultisetType;
import io.strom.types.RowType;
import io.strom.types.TimestampType;

/** Creates the serializer of the internal values of each SQL type (see {@link io.strom.types.LogicalTypeRoot}). */
public final class InternalSerializers {
  private InternalSerializers() {}

  /** The serializer of non-null values of {@code type}; nullability is the container's concern. */
  public static TypeSerializer<?> create(LogicalType type) {
    return switch (type.root()) {
      case BOOLEAN -> BasicSerializers.BOOLEAN;
      case TINYINT -> BasicSerializers.BYTE;
      case SMALLINT -> BasicSerializers.SHORT;
      case INTEGER, DATE, TIME_WITHOUT_TIME_ZONE, INTERVAL_YEAR_MONTH -> BasicSerializers.INT;
      case BIGINT, INTERVAL_DAY_TIME -> BasicSerializers.LONG;
      case FLOAT -> BasicSerializers.FLOAT;
      case DOUBLE -> BasicSerializers.DOUBLE;
      case CHAR, VARCHAR -> StringDataSerializer.INSTANCE;
      case BINARY, VARBINARY -> BasicSerializers.BYTES;
      case DECIMAL -> {
        DecimalType decimal = (DecimalType) type;
        yield new DecimalDataSerializer(decimal.precision(), decimal.scale());
      }
      case TIMESTAMP_WITHOUT_TIME_ZONE ->
          new TimestampDataSerializer(((TimestampType) type).precision());
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE ->
          new TimestampDataSerializer(((LocalZonedTimestampType) type).precision());
      case ARRAY -> new ArrayDataSerializer(((ArrayType) type).elementType());
      case MAP -> new MapDataSerializer(((MapType) type).keyType(), ((MapType) type).valueType());
      case MULTISET -> {
        MapType map = ((MultisetType) type).asMapType();
        yield new MapDataSerializer(map.keyType(), map.valueType());
      }
      case ROW -> new RowSerializer((RowType) type);
      case NULL -> NullSerializer.INSTANCE;
    };
  }

  /** {@link #create} typed for callers that hold values as {@code Object}. */
  @SuppressWarnings("unchecked")
  public static TypeSerializer<Object> createUnchecked(LogicalType type) {
    return (TypeSerializer<Object>) create(type);
  }
}
