package io.strom.configuration;

import java.time.Duration;

/** Options of the restart strategy (Flink's keys): whether and when a failed job is restarted. */
public final class RestartStrategyOptions {
  private RestartStrategyOptions() {}

  public static final ConfigOption<String> TYPE =
      ConfigOptions.key("restart-strategy.type")
          .stringType()
          .noDefaultValue()
          .withDescription(
              "none, fixed-delay or exponential-delay. Unset: exponential-delay when"
                  + " checkpointing is enabled, else none.");

  public static final ConfigOption<Integer> FIXED_DELAY_ATTEMPTS =
      ConfigOptions.key("restart-strategy.fixed-delay.attempts")
          .intType()
          .defaultValue(1)
          .withDescription("Restarts fixed-delay allows before the job fails for good.");

  public static final ConfigOption<Duration> FIXED_DELAY_DELAY =
      ConfigOptions.key("restart-strategy.fixed-delay.delay")
          .durationType()
          .defaultValue(Duration.ofSeconds(1))
          .withDescription("Wait between a failure and the restart with fixed-delay.");

  public static final ConfigOption<Duration> EXPONENTIAL_INITIAL_BACKOFF =
      ConfigOptions.key("restart-strategy.exponential-delay.initial-backoff")
          .durationType()
          .defaultValue(Duration.ofSeconds(1))
          .withDescription("Wait before the first restart with exponential-delay.");

  public static final ConfigOption<Duration> EXPONENTIAL_MAX_BACKOFF =
      ConfigOptions.key("restart-strategy.exponential-delay.max-backoff")
          .durationType()
          .defaultValue(Duration.ofMinutes(1))
          .withDescription("Longest wait between restarts with exponential-delay.");

  public static final ConfigOption<Double> EXPONENTIAL_BACKOFF_MULTIPLIER =
      ConfigOptions.key("restart-strategy.exponential-delay.backoff-multiplier")
          .doubleType()
          .defaultValue(1.5)
          .withDescription("Factor the wait grows by after each restart.");

  public static final ConfigOption<Duration> EXPONENTIAL_RESET_BACKOFF_THRESHOLD =
      ConfigOptions.key("restart-strategy.exponential-delay.reset-backoff-threshold")
          .durationType()
          .defaultValue(Duration.ofHours(1))
          .withDescription(
              "A job that ran this long without failing starts again from the initial backoff.");

  public static final ConfigOption<Double> EXPONENTIAL_JITTER_FACTOR =
      ConfigOptions.key("restart-strategy.exponential-delay.jitter-factor")
          .doubleType()
          .defaultValue(0.1)
          .withDescription("Random share (0 to 1) added to or taken from each wait.");

  public static final ConfigOption<Integer> EXPONENTIAL_ATTEMPTS =
      ConfigOptions.key("restart-strategy.exponential-delay.attempts-before-reset-backoff")
          .intType()
          .defaultValue(Integer.MAX_VALUE)
          .withDescription(
              "Restarts exponential-delay allows before the job fails for good, counted since"
                  + " the backoff was last reset.");
}
