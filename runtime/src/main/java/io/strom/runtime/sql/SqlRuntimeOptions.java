package io.strom.runtime.sql;

import io.strom.configuration.ConfigOption;
import io.strom.configuration.ConfigOptions;

/** Settings SQL operators read at run time, with Flink's keys. */
public final class SqlRuntimeOptions {
  private SqlRuntimeOptions() {}

  public static final ConfigOption<String> LOCAL_TIME_ZONE =
      ConfigOptions.key("table.local-time-zone")
          .stringType()
          .defaultValue("default")
          .withDescription(
              "Time zone of TIMESTAMP_LTZ values when shown or converted: an id such as"
                  + " 'Europe/Berlin' or 'UTC', or 'default' for the JVM's time zone.");
}
