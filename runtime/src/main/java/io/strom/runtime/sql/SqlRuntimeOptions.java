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

  /** What a sink does with a NULL in a NOT NULL column. */
  public enum NotNullEnforcer {
    /** Fail the job, naming the column. */
    ERROR,
    /** Drop the row silently (counted as {@code numRowsDroppedNotNull}). */
    DROP
  }

  public static final ConfigOption<NotNullEnforcer> SINK_NOT_NULL_ENFORCER =
      ConfigOptions.key("table.exec.sink.not-null-enforcer")
          .enumType(NotNullEnforcer.class)
          .defaultValue(NotNullEnforcer.ERROR)
          .withDescription(
              "What writing NULL into a NOT NULL column of a sink does: ERROR fails the job, DROP"
                  + " drops the row.");
}
