package io.strom.format.json;

import io.strom.configuration.ConfigOption;
import io.strom.configuration.ConfigOptions;

/** The options of the {@code json} format, as Flink names them (written with the {@code json.} prefix). */
public final class JsonFormatOptions {
  private JsonFormatOptions() {}

  /** How timestamps are written as text. */
  public enum TimestampFormat {
    /** {@code yyyy-MM-dd HH:mm:ss[.fff]}, with a trailing {@code Z} for TIMESTAMP_LTZ. */
    SQL("SQL"),
    /** {@code yyyy-MM-ddTHH:mm:ss[.fff]}, with a trailing {@code Z} for TIMESTAMP_LTZ. */
    ISO_8601("ISO-8601");

    private final String text;

    TimestampFormat(String text) {
      this.text = text;
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /** What to do with a map entry whose key is NULL when writing. */
  public enum MapNullKeyMode {
    FAIL,
    DROP,
    LITERAL
  }

  public static final ConfigOption<Boolean> FAIL_ON_MISSING_FIELD =
      ConfigOptions.key("fail-on-missing-field")
          .booleanType()
          .defaultValue(false)
          .withDescription("Fail on a record without one of the table's fields instead of reading NULL.");

  public static final ConfigOption<Boolean> IGNORE_PARSE_ERRORS =
      ConfigOptions.key("ignore-parse-errors")
          .booleanType()
          .defaultValue(false)
          .withDescription(
              "Skip malformed records (counted as numRecordsDroppedMalformed) instead of failing.");

  public static final ConfigOption<TimestampFormat> TIMESTAMP_FORMAT =
      ConfigOptions.key("timestamp-format.standard")
          .enumType(TimestampFormat.class)
          .defaultValue(TimestampFormat.SQL)
          .withDescription("'SQL' (yyyy-MM-dd HH:mm:ss.SSS) or 'ISO-8601' (yyyy-MM-ddTHH:mm:ss.SSS)"
              + " for writing; reading accepts both.");

  public static final ConfigOption<MapNullKeyMode> MAP_NULL_KEY_MODE =
      ConfigOptions.key("map-null-key.mode")
          .enumType(MapNullKeyMode.class)
          .defaultValue(MapNullKeyMode.FAIL)
          .withDescription("When writing a map with a NULL key: 'FAIL', 'DROP' the entry, or write"
              + " the key as 'LITERAL' (see map-null-key.literal).");

  public static final ConfigOption<String> MAP_NULL_KEY_LITERAL =
      ConfigOptions.key("map-null-key.literal")
          .stringType()
          .defaultValue("null")
          .withDescription("The key written for NULL map keys in mode 'LITERAL'.");

  public static final ConfigOption<Boolean> ENCODE_DECIMAL_AS_PLAIN_NUMBER =
      ConfigOptions.key("encode.decimal-as-plain-number")
          .booleanType()
          .defaultValue(false)
          .withDescription("Write decimals without scientific notation, e.g. 0.000000027.");

  public static final ConfigOption<Boolean> ENCODE_IGNORE_NULL_FIELDS =
      ConfigOptions.key("encode.ignore-null-fields")
          .booleanType()
          .defaultValue(false)
          .withDescription("Leave out fields whose value is NULL when writing.");

  /** The options of JSON values that the change formats (debezium-json, canal-json) share. */
  public static final java.util.Set<ConfigOption<?>> CHANGE_FORMAT_OPTIONS = java.util.Set.of(
      IGNORE_PARSE_ERRORS,
      TIMESTAMP_FORMAT,
      MAP_NULL_KEY_MODE,
      MAP_NULL_KEY_LITERAL,
      ENCODE_DECIMAL_AS_PLAIN_NUMBER);
}
