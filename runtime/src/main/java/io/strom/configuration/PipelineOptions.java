package io.strom.configuration;

import java.time.Duration;

/** Options that shape how a job runs: parallelism, watermarks, latency. */
public final class PipelineOptions {
  private PipelineOptions() {}

  public static final ConfigOption<Integer> DEFAULT_PARALLELISM =
      ConfigOptions.key("parallelism.default")
          .intType()
          .defaultValue(1)
          .withDescription("Parallelism of operators that do not set their own.");

  public static final ConfigOption<Integer> MAX_PARALLELISM =
      ConfigOptions.key("pipeline.max-parallelism")
          .intType()
          .defaultValue(128)
          .withDescription(
              "Number of key groups keyed state is split into; the upper bound for rescaling.");

  public static final ConfigOption<String> NAME =
      ConfigOptions.key("pipeline.name")
          .stringType()
          .noDefaultValue()
          .withDescription("Name of the job, shown in job listings and errors.");

  public static final ConfigOption<Duration> AUTO_WATERMARK_INTERVAL =
      ConfigOptions.key("pipeline.auto-watermark-interval")
          .durationType()
          .defaultValue(Duration.ofMillis(200))
          .withDescription(
              "How often sources emit watermarks. 0 emits a watermark after every record that"
                  + " advances it.");

  public static final ConfigOption<Duration> BUFFER_TIMEOUT =
      ConfigOptions.key("execution.buffer-timeout")
          .durationType()
          .defaultValue(Duration.ofMillis(100))
          .withDescription(
              "Longest time a partly filled network buffer waits before it is sent downstream."
                  + " 0 sends after every record (lowest latency, lowest throughput).");

  public static final ConfigOption<Boolean> OPERATOR_CHAINING =
      ConfigOptions.key("pipeline.operator-chaining.enabled")
          .booleanType()
          .defaultValue(true)
          .withDescription("Fuse operators connected one-to-one into a single task.");
}
