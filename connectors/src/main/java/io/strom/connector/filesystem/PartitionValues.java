package io.strom.connector.filesystem;

import io.strom.connector.ConnectorException;
import io.strom.data.DecimalData;
import io.strom.data.Row;
import io.strom.data.StringData;
import io.strom.data.TimestampData;
import io.strom.types.DecimalType;
import io.strom.types.LogicalType;
import io.strom.types.TimestampType;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * Turns partition column values into the strings of partition directories and back, as Flink
 * does: a value is written as the text of its Java value ({@code 2024-01-01} for a DATE, {@code
 * 2024-01-01T10:15} for a TIMESTAMP, {@code 3} for an INT); NULL, an empty or a blank string go to
 * the default partition, which reads back as NULL.
 */
final class PartitionValues implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String defaultName;

  PartitionValues(String defaultName) {
    this.defaultName = defaultName;
  }

  String defaultName() {
    return defaultName;
  }

  /** Whether a partition column can have this type. */
  static boolean supports(LogicalType type) {
    return switch (type.root()) {
      case CHAR, VARCHAR, BOOLEAN, TINYINT, SMALLINT, INTEGER, BIGINT, FLOAT, DOUBLE, DECIMAL,
          DATE, TIME_WITHOUT_TIME_ZONE, TIMESTAMP_WITHOUT_TIME_ZONE -> true;
      default -> false;
    };
  }

  /** The directory value of field {@code pos} of {@code row}: its text, or the default name. */
  String toPathValue(Row row, int pos, LogicalType type) {
    if (row.isNullAt(pos)) {
      return defaultName;
    }
    String text = switch (type.root()) {
      case CHAR, VARCHAR -> row.getString(pos).toString();
      case BOOLEAN -> Boolean.toString(row.getBoolean(pos));
      case TINYINT -> Byte.toString(row.getByte(pos));
      case SMALLINT -> Short.toString(row.getShort(pos));
      case INTEGER -> Integer.toString(row.getInt(pos));
      case BIGINT -> Long.toString(row.getLong(pos));
      case FLOAT -> Float.toString(row.getFloat(pos));
      case DOUBLE -> Double.toString(row.getDouble(pos));
      case DECIMAL -> {
        DecimalType decimal = (DecimalType) type;
        yield row.getDecimal(pos, decimal.precision(), decimal.scale()).toBigDecimal().toString();
      }
      case DATE -> LocalDate.ofEpochDay(row.getInt(pos)).toString();
      case TIME_WITHOUT_TIME_ZONE -> LocalTime.ofNanoOfDay(row.getInt(pos) * 1_000_000L).toString();
      case TIMESTAMP_WITHOUT_TIME_ZONE ->
          row.getTimestamp(pos, ((TimestampType) type).precision()).toLocalDateTime().toString();
      default -> throw new IllegalStateException("Bug: partition column of type " + type);
    };
    return text.isBlank() ? defaultName : text;
  }

  /**
   * The value of a directory value (already unescaped) for a column of {@code type}, as {@link
   * io.strom.data.GenericRow#setField} takes it (a {@code LocalDate} for a DATE); NULL for the
   * default partition.
   *
   * @throws ConnectorException when the text is no value of the type
   */
  Object toInternal(String text, LogicalType type, String column) {
    if (text == null || text.equals(defaultName)) {
      return null;
    }
    try {
      return switch (type.root()) {
        case CHAR, VARCHAR -> StringData.fromString(text);
        case BOOLEAN -> parseBoolean(text);
        case TINYINT -> Byte.parseByte(text.trim());
        case SMALLINT -> Short.parseShort(text.trim());
        case INTEGER -> Integer.parseInt(text.trim());
        case BIGINT -> Long.parseLong(text.trim());
        case FLOAT -> Float.parseFloat(text.trim());
        case DOUBLE -> Double.parseDouble(text.trim());
        case DECIMAL -> {
          DecimalType decimal = (DecimalType) type;
          yield DecimalData.fromBigDecimal(
              new BigDecimal(text.trim()), decimal.precision(), decimal.scale());
        }
        case DATE -> LocalDate.parse(text.trim());
        case TIME_WITHOUT_TIME_ZONE -> LocalTime.parse(text.trim());
        case TIMESTAMP_WITHOUT_TIME_ZONE ->
            TimestampData.fromLocalDateTime(LocalDateTime.parse(text.trim().replace(' ', 'T')));
        default -> throw new IllegalStateException("Bug: partition column of type " + type);
      };
    } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
      throw new ConnectorException(
          "The partition directory value '" + text + "' of column '" + column
              + "' cannot be read as a value of type " + type.asSummaryString());
    }
  }

  private static boolean parseBoolean(String text) {
    String t = text.trim();
    if (t.equalsIgnoreCase("true")) {
      return true;
    }
    if (t.equalsIgnoreCase("false")) {
      return false;
    }
    throw new NumberFormatException(text);
  }
}
