package io.strom.format.json;

import io.strom.configuration.ConfigOption;
import io.strom.connector.DecodingFormatFactory;
import io.strom.connector.EncodingFormatFactory;
import io.strom.connector.Projections;
import io.strom.connector.ReadableOptions;
import io.strom.connector.RowDecoder;
import io.strom.connector.RowEncoder;
import io.strom.types.RowType;
import java.util.Set;

/**
 * Factory of the {@code json} format: one JSON object per record, every SQL type including nested
 * rows, arrays, maps and multisets (as objects from element to count).
 */
public final class JsonFormatFactory implements DecodingFormatFactory, EncodingFormatFactory {
  public static final String IDENTIFIER = "json";

  @Override
  public String identifier() {
    return IDENTIFIER;
  }

  @Override
  public Set<ConfigOption<?>> requiredOptions() {
    return Set.of();
  }

  @Override
  public Set<ConfigOption<?>> optionalOptions() {
    return Set.of(
        JsonFormatOptions.FAIL_ON_MISSING_FIELD,
        JsonFormatOptions.IGNORE_PARSE_ERRORS,
        JsonFormatOptions.TIMESTAMP_FORMAT,
        JsonFormatOptions.MAP_NULL_KEY_MODE,
        JsonFormatOptions.MAP_NULL_KEY_LITERAL,
        JsonFormatOptions.ENCODE_DECIMAL_AS_PLAIN_NUMBER,
        JsonFormatOptions.ENCODE_IGNORE_NULL_FIELDS);
  }

  @Override
  public RowDecoder createDecoder(RowType producedType, ReadableOptions formatOptions) {
    return new JsonRowDecoder(producedType, JsonSpec.from(formatOptions));
  }

  /** Decodes only the projected fields; the others are skipped by name. */
  @Override
  public RowDecoder createDecoder(
      RowType physicalType, int[] projection, ReadableOptions formatOptions) {
    return createDecoder(Projections.project(physicalType, projection), formatOptions);
  }

  @Override
  public RowEncoder createEncoder(RowType consumedType, ReadableOptions formatOptions) {
    return new JsonRowEncoder(consumedType, JsonSpec.from(formatOptions));
  }
}
