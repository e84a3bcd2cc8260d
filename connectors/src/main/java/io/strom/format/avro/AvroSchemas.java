package io.strom.format.avro;

import io.strom.connector.ConnectorException;
import io.strom.types.DecimalType;
import io.strom.types.LocalZonedTimestampType;
import io.strom.types.LogicalType;
import io.strom.types.MapType;
import io.strom.types.MultisetType;
import io.strom.types.ArrayType;
import io.strom.types.RowType;
import io.strom.types.TimeType;
import io.strom.types.TimestampType;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;

/**
 * Derives the Avro schema of a table's rows: each column a field of the same name, a nullable
 * column a union of {@code null} and its type, nested rows records named after their path
 * ({@code record}, {@code record_address}, ...), temporal and decimal columns Avro's logical
 * types.
 */
public final class AvroSchemas {
  /** The name of the top-level record. */
  static final String RECORD = "record";

  private AvroSchemas() {}

  /** The schema of rows of {@code type}. */
  public static Schema of(RowType type) {
    return record(type, RECORD);
  }

  private static Schema record(RowType type, String name) {
    List<Schema.Field> fields = new ArrayList<>();
    for (RowType.RowField field : type.fields()) {
      Schema schema = nullable(field.type(), name + "_" + field.name());
      fields.add(new Schema.Field(
          field.name(), schema, null, field.type().nullable() ? Schema.Field.NULL_DEFAULT_VALUE : null));
    }
    return Schema.createRecord(name, null, null, false, fields);
  }

  private static Schema nullable(LogicalType type, String name) {
    Schema schema = of(type, name);
    return type.nullable() && schema.getType() != Schema.Type.NULL
        ? Schema.createUnion(Schema.create(Schema.Type.NULL), schema)
        : schema;
  }

  private static Schema of(LogicalType type, String name) {
    return switch (type.root()) {
      case NULL -> Schema.create(Schema.Type.NULL);
      case BOOLEAN -> Schema.create(Schema.Type.BOOLEAN);
      case TINYINT, SMALLINT, INTEGER, INTERVAL_YEAR_MONTH -> Schema.create(Schema.Type.INT);
      case BIGINT, INTERVAL_DAY_TIME -> Schema.create(Schema.Type.LONG);
      case FLOAT -> Schema.create(Schema.Type.FLOAT);
      case DOUBLE -> Schema.create(Schema.Type.DOUBLE);
      case CHAR, VARCHAR -> Schema.create(Schema.Type.STRING);
      case BINARY, VARBINARY -> Schema.create(Schema.Type.BYTES);
      case DECIMAL -> {
        DecimalType decimal = (DecimalType) type;
        yield LogicalTypes.decimal(decimal.precision(), decimal.scale())
            .addToSchema(Schema.create(Schema.Type.BYTES));
      }
      case DATE -> LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
      case TIME_WITHOUT_TIME_ZONE -> {
        if (((TimeType) type).precision() > 3) {
          throw unsupported(type, "TIME(3) or less (Avro's time-millis)");
        }
        yield LogicalTypes.timeMillis().addToSchema(Schema.create(Schema.Type.INT));
      }
      case TIMESTAMP_WITHOUT_TIME_ZONE -> timestamp(type, ((TimestampType) type).precision());
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE ->
          timestamp(type, ((LocalZonedTimestampType) type).precision());
      case ARRAY -> SchemaBuilder.array().items(nullable(((ArrayType) type).elementType(), name));
      case MAP -> {
        MapType map = (MapType) type;
        requireStringKeys(type, map.keyType());
        yield SchemaBuilder.map().values(nullable(map.valueType(), name));
      }
      case MULTISET -> {
        requireStringKeys(type, ((MultisetType) type).elementType());
        yield SchemaBuilder.map().values(Schema.create(Schema.Type.INT));
      }
      case ROW -> record((RowType) type, name);
    };
  }

  /** Precision up to 3 is Avro's timestamp-millis, up to 6 timestamp-micros. */
  private static Schema timestamp(LogicalType type, int precision) {
    if (precision > 6) {
      throw unsupported(type, "a precision of at most 6 (Avro's timestamp-micros)");
    }
    return (precision <= 3 ? LogicalTypes.timestampMillis() : LogicalTypes.timestampMicros())
        .addToSchema(Schema.create(Schema.Type.LONG));
  }

  private static void requireStringKeys(LogicalType type, LogicalType keyType) {
    if (!(keyType.root() == io.strom.types.LogicalTypeRoot.VARCHAR
        || keyType.root() == io.strom.types.LogicalTypeRoot.CHAR)) {
      throw unsupported(type, "string keys (Avro maps have string keys)");
    }
  }

  private static ConnectorException unsupported(LogicalType type, String needs) {
    return new ConnectorException(
        "Format 'avro' cannot hold type " + type.asSummaryString() + ": it needs " + needs + ".");
  }
}
