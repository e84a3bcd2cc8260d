package io.strom.format.json;

import static java.util.Objects.requireNonNull;

import io.strom.connector.ConnectorException;
import io.strom.connector.ReadableOptions;
import io.strom.format.json.JsonFormatOptions.MapNullKeyMode;
import io.strom.format.json.JsonFormatOptions.TimestampFormat;
import java.io.Serializable;

/**
 * The settings of one JSON table, read from and checked against its options.
 *
 * @param failOnMissingField fail on records without one of the fields
 * @param ignoreParseErrors skip malformed records (and count them)
 * @param timestampFormat how timestamps are written
 * @param mapNullKeyMode what happens to NULL map keys when writing
 * @param mapNullKeyLiteral the key written in {@link MapNullKeyMode#LITERAL} mode
 * @param decimalAsPlainNumber write decimals without exponents
 * @param ignoreNullFields leave NULL fields out when writing
 */
public record JsonSpec(
    boolean failOnMissingField,
    boolean ignoreParseErrors,
    TimestampFormat timestampFormat,
    MapNullKeyMode mapNullKeyMode,
    String mapNullKeyLiteral,
    boolean decimalAsPlainNumber,
    boolean ignoreNullFields)
    implements Serializable {

  public JsonSpec {
    requireNonNull(timestampFormat, "timestampFormat");
    requireNonNull(mapNullKeyMode, "mapNullKeyMode");
    requireNonNull(mapNullKeyLiteral, "mapNullKeyLiteral");
    if (failOnMissingField && ignoreParseErrors) {
      throw new IllegalArgumentException("fail-on-missing-field and ignore-parse-errors exclude each other");
    }
  }

  /**
   * These settings with malformed input left to the caller: change formats read their envelope
   * with it and decide themselves whether a broken change fails or is skipped.
   */
  public JsonSpec withoutErrorHandling() {
    return new JsonSpec(false, false, timestampFormat, mapNullKeyMode, mapNullKeyLiteral,
        decimalAsPlainNumber, ignoreNullFields);
  }

  /** Reads and checks the {@code json.} options. */
  public static JsonSpec from(ReadableOptions options) {
    boolean failOnMissing = options.get(JsonFormatOptions.FAIL_ON_MISSING_FIELD);
    boolean ignoreErrors = options.get(JsonFormatOptions.IGNORE_PARSE_ERRORS);
    if (failOnMissing && ignoreErrors) {
      throw new ConnectorException(
          "Options '" + options.userKey(JsonFormatOptions.FAIL_ON_MISSING_FIELD.key()) + "' and '"
              + options.userKey(JsonFormatOptions.IGNORE_PARSE_ERRORS.key())
              + "' cannot both be true: a missing field would have to fail and be skipped.");
    }
    return new JsonSpec(
        failOnMissing,
        ignoreErrors,
        options.get(JsonFormatOptions.TIMESTAMP_FORMAT),
        options.get(JsonFormatOptions.MAP_NULL_KEY_MODE),
        options.get(JsonFormatOptions.MAP_NULL_KEY_LITERAL),
        options.get(JsonFormatOptions.ENCODE_DECIMAL_AS_PLAIN_NUMBER),
        options.get(JsonFormatOptions.ENCODE_IGNORE_NULL_FIELDS));
  }
}
