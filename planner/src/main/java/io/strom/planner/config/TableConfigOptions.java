package io.strom.planner.config;

import io.strom.configuration.ConfigOption;
import io.strom.configuration.ConfigOptions;
import java.time.Duration;

/** Settings of SQL execution, with Flink's keys and defaults. */
public final class TableConfigOptions {
  private TableConfigOptions() {}

  public static final ConfigOption<String> LOCAL_TIME_ZONE =
      ConfigOptions.key("table.local-time-zone")
          .stringType()
          .defaultValue("default")
          .withDescription(
              "Time zone of TIMESTAMP_LTZ values when shown or converted: an id such as"
                  + " 'Europe/Berlin' or 'UTC', or 'default' for the JVM's time zone.");

  public static final ConfigOption<Duration> STATE_TTL =
      ConfigOptions.key("table.exec.state.ttl")
          .durationType()
          .defaultValue(Duration.ZERO)
          .withDescription(
              "How long state of an idle key is kept by stateful operators; 0 keeps it forever.");

  public static final ConfigOption<Duration> SOURCE_IDLE_TIMEOUT =
      ConfigOptions.key("table.exec.source.idle-timeout")
          .durationType()
          .defaultValue(Duration.ZERO)
          .withDescription(
              "A source split without records for this long is idle and holds back no watermark;"
                  + " 0 never marks splits idle.");

  public static final ConfigOption<Integer> DEFAULT_SINK_PARALLELISM =
      ConfigOptions.key("table.exec.resource.default-parallelism")
          .intType()
          .defaultValue(-1)
          .withDescription(
              "Parallelism of SQL operators; -1 uses 'parallelism.default'.");

  public static final ConfigOption<Boolean> DML_SYNC =
      ConfigOptions.key("table.dml-sync")
          .booleanType()
          .defaultValue(false)
          .withDescription("Whether INSERT statements wait for their job to finish.");

  public static final ConfigOption<String> CODEGEN_DUMP_DIR =
      ConfigOptions.key("table.exec.codegen.dump-dir")
          .stringType()
          .noDefaultValue()
          .withDescription("When set, generated Java sources are written to this directory.");
}
