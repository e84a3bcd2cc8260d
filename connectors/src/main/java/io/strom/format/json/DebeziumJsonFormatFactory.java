package io.strom.format.json;

import io.strom.configuration.ConfigOption;
import io.strom.connector.ConnectorException;
import io.strom.connector.DecodingFormatFactory;
import io.strom.connector.EncodingFormatFactory;
import io.strom.connector.ReadableOptions;
import io.strom.connector.RowDecoder;
import io.strom.connector.RowEncoder;
import io.strom.types.RowType;
import java.util.HashSet;
import java.util.Set;

/**
 * Factory of the {@code debezium-json} format: Debezium's change events in JSON, read as an
 * updating table and written from one. Shares the JSON format's options for values.
 */
public final class DebeziumJsonFormatFactory implements DecodingFormatFactory, EncodingFormatFactory {
  public static final String IDENTIFIER = "debezium-json";

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
    Set<ConfigOption<?>> options = new HashSet<>(JsonFormatOptions.CHANGE_FORMAT_OPTIONS);
    options.add(DebeziumJsonFormatOptions.SCHEMA_INCLUDE);
    return options;
  }

  @Override
  public RowDecoder createDecoder(RowType producedType, ReadableOptions formatOptions) {
    return new DebeziumJsonRowDecoder(
        producedType,
        JsonSpec.from(formatOptions),
        formatOptions.get(DebeziumJsonFormatOptions.SCHEMA_INCLUDE));
  }

  @Override
  public RowEncoder createEncoder(RowType consumedType, ReadableOptions formatOptions) {
    if (formatOptions.get(DebeziumJsonFormatOptions.SCHEMA_INCLUDE)) {
      throw new ConnectorException(
          "'" + formatOptions.userKey(DebeziumJsonFormatOptions.SCHEMA_INCLUDE.key()) + "' is for"
              + " reading only: written change events carry no schema. Remove it from the sink"
              + " table's options.");
    }
    return new DebeziumJsonRowEncoder(consumedType, JsonSpec.from(formatOptions));
  }
}
