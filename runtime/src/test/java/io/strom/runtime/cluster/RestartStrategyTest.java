package io.strom.runtime.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.configuration.Configuration;
import io.strom.configuration.RestartStrategyOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The restart strategies {@code restart-strategy.type} chooses, and their delays and limits. */
class RestartStrategyTest {

  private static Configuration type(String type) {
    Configuration conf = new Configuration();
    conf.set(RestartStrategyOptions.TYPE, type);
    return conf;
  }

  @Test
  void unsetTypeRestartsWithBackoffOnlyWhenCheckpointing() {
    assertThat(RestartStrategy.from(new Configuration(), true))
        .isInstanceOf(ExponentialDelayRestartStrategy.class);
    assertThat(RestartStrategy.from(new Configuration(), false).onFailure()).isFalse();
  }

  @Test
  void noneNeverRestarts() {
    assertThat(RestartStrategy.from(type("none"), true).onFailure()).isFalse();
  }

  @Test
  void fixedDelayRestartsTheConfiguredNumberOfTimesAfterTheDelay() {
    Configuration conf = type("fixed-delay");
    conf.set(RestartStrategyOptions.FIXED_DELAY_ATTEMPTS, 2);
    conf.set(RestartStrategyOptions.FIXED_DELAY_DELAY, Duration.ofMillis(250));
    RestartStrategy strategy = RestartStrategy.from(conf, true);

    assertThat(strategy.onFailure()).isTrue();
    assertThat(strategy.nextDelay()).isEqualTo(Duration.ofMillis(250));
    assertThat(strategy.onFailure()).isTrue();
    assertThat(strategy.onFailure()).isFalse();
  }

  @Test
  void exponentialDelayGrowsByTheMultiplierUpToTheMaximum() {
    Configuration conf = type("exponential-delay");
    conf.set(RestartStrategyOptions.EXPONENTIAL_INITIAL_BACKOFF, Duration.ofMillis(100));
    conf.set(RestartStrategyOptions.EXPONENTIAL_MAX_BACKOFF, Duration.ofMillis(500));
    conf.set(RestartStrategyOptions.EXPONENTIAL_BACKOFF_MULTIPLIER, 2.0);
    conf.set(RestartStrategyOptions.EXPONENTIAL_JITTER_FACTOR, 0.0);
    conf.set(RestartStrategyOptions.EXPONENTIAL_ATTEMPTS, 5);
    RestartStrategy strategy = RestartStrategy.from(conf, true);

    long[] delays = new long[5];
    for (int i = 0; i < delays.length; i++) {
      assertThat(strategy.onFailure()).isTrue();
      delays[i] = strategy.nextDelay().toMillis();
    }
    assertThat(delays).containsExactly(100, 200, 400, 500, 500);
    assertThat(strategy.onFailure()).as("attempts used up").isFalse();
  }

  @Test
  void exponentialDelayStartsOverAfterARunLongerThanTheResetThreshold() {
    Configuration conf = type("exponential-delay");
    conf.set(RestartStrategyOptions.EXPONENTIAL_INITIAL_BACKOFF, Duration.ofMillis(100));
    conf.set(RestartStrategyOptions.EXPONENTIAL_BACKOFF_MULTIPLIER, 4.0);
    conf.set(RestartStrategyOptions.EXPONENTIAL_JITTER_FACTOR, 0.0);
    conf.set(RestartStrategyOptions.EXPONENTIAL_RESET_BACKOFF_THRESHOLD, Duration.ZERO);
    RestartStrategy strategy = RestartStrategy.from(conf, true);

    strategy.onFailure();
    strategy.onFailure();
    assertThat(strategy.nextDelay()).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void unknownTypeNamesTheKnownOnes() {
    assertThatThrownBy(() -> RestartStrategy.from(type("failure-rate"), true))
        .hasMessageContaining("Unknown restart-strategy.type 'failure-rate'")
        .hasMessageContaining("none, fixed-delay and exponential-delay");
  }
}
