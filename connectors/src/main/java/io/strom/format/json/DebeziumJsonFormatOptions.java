package io.strom.format.json;

import io.strom.configuration.ConfigOption;
import io.strom.configuration.ConfigOptions;

/** The options of the {@code debezium-json} format beyond the JSON ones it shares. */
public final class DebeziumJsonFormatOptions {
  private DebeziumJsonFormatOptions() {}

  public static final ConfigOption<Boolean> SCHEMA_INCLUDE =
      ConfigOptions.key("schema-include")
          .booleanType()
          .defaultValue(false)
          .withDescription(
              "Whether the messages carry Debezium's schema, with the change under 'payload'"
                  + " (reading only).");
}
