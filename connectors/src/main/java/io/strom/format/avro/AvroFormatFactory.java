package io.strom.format.avro;

import io.strom.configuration.ConfigOption;
import io.strom.connector.DecodingFormatFactory;
import io.strom.connector.EncodingFormatFactory;
import io.strom.connector.ReadableOptions;
import io.strom.connector.RowDecoder;
import io.strom.connector.RowEncoder;
import io.strom.types.RowType;
import java.util.Set;

/**
 * Factory of the {@code avro} format: each record is Avro's binary encoding of one row, with a
 * schema derived from the table's columns (see {@link AvroSchemas}).
 */
public final class AvroFormatFactory implements DecodingFormatFactory, EncodingFormatFactory {
  public static final String IDENTIFIER = "avro";

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
    return Set.of(AvroFormatOptions.IGNORE_PARSE_ERRORS);
  }

  @Override
  public RowDecoder createDecoder(RowType producedType, ReadableOptions formatOptions) {
    return new AvroRowDecoder(producedType, formatOptions.get(AvroFormatOptions.IGNORE_PARSE_ERRORS));
  }

  @Override
  public RowEncoder createEncoder(RowType consumedType, ReadableOptions formatOptions) {
    return new AvroRowEncoder(consumedType);
  }
}
