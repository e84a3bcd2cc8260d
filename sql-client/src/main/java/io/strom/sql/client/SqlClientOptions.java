package io.strom.sql.client;

import io.strom.configuration.ConfigOption;
import io.strom.configuration.ConfigOptions;

/** Settings of the SQL shell, with Flink's keys. */
public final class SqlClientOptions {
  private SqlClientOptions() {}

  public static final ConfigOption<Boolean> VERBOSE =
      ConfigOptions.key("sql-client.verbose")
          .booleanType()
          .defaultValue(false)
          .withDescription("Show the stack trace of errors, not only their message.");
}
