package io.strom.planner.config;

import io.strom.configuration.ConfigOption;
import io.strom.configuration.ConfigOptions;
import io.strom.runtime.sql.SqlRuntimeOptions;
import java.time.Duration;

/** Settings of SQL execution, with Flink's keys and defaults. */
public final class TableConfigOptions {
  private TableConfigOptions() {}

  /** Declared with the runtime, which reads it. */
  public static final ConfigOption<String> LOCAL_TIME_ZONE = SqlRuntimeOptions.LOCAL_TIME_ZONE;

  /** Declared with the runtime, which reads it. */
  public static final ConfigOption<SqlRuntimeOptions.NotNullEnforcer> SINK_NOT_NULL_ENFORCER =
      SqlRuntimeOptions.SINK_NOT_NULL_ENFORCER;

  public static final ConfigOption<Duration> STATE_TTL =
      ConfigOptions.key("table.exec.state.ttl")
          .durationType()
          .defaultValue(Duration.ZERO)
          .withDescription(
              "How long state of an idle key is kept by stateful operators; 0 keeps it forever."
                  + " Stateful SQL operators arrive with aggregations and joins.");

  public static final ConfigOption<Duration> SOURCE_IDLE_TIMEOUT =
      ConfigOptions.key("table.exec.source.idle-timeout")
          .durationType()
          .defaultValue(Duration.ZERO)
          .withDescription(
              "A source split without records for this long is idle and holds back no watermark;"
                  + " 0 never marks splits idle.");



}
