package io.strom.format.avro;

import io.strom.configuration.ConfigOption;
import io.strom.configuration.ConfigOptions;

/** The options of the {@code avro} format, written {@code avro.<key>} in a table's options. */
public final class AvroFormatOptions {
  private AvroFormatOptions() {}

  public static final ConfigOption<Boolean> IGNORE_PARSE_ERRORS =
      ConfigOptions.key("ignore-parse-errors")
          .booleanType()
          .defaultValue(false)
          .withDescription(
              "Skip records that are not Avro of the table's schema (counted as"
                  + " numRecordsDroppedMalformed) instead of failing.");
}
