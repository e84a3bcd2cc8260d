package io.strom.format.json;

import io.strom.configuration.ConfigOption;
import io.strom.configuration.ConfigOptions;

/** The options of the {@code canal-json} format beyond the JSON ones it shares. */
public final class CanalJsonFormatOptions {
  private CanalJsonFormatOptions() {}

  public static final ConfigOption<String> DATABASE_INCLUDE =
      ConfigOptions.key("database.include")
          .stringType()
          .noDefaultValue()
          .withDescription(
              "Read only changes of databases whose name matches this Java regular expression.");

  public static final ConfigOption<String> TABLE_INCLUDE =
      ConfigOptions.key("table.include")
          .stringType()
          .noDefaultValue()
          .withDescription(
              "Read only changes of tables whose name matches this Java regular expression.");
}
