package io.strom.api.eventtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WatermarksWithIdlenessTest {
  private long nanos;
  private final List<String> emitted = new ArrayList<>();
  private final WatermarkOutput output =
      new WatermarkOutput() {
        @Override
        public void emitWatermark(long watermark) {
          emitted.add("wm " + watermark);
        }

        @Override
        public void markIdle() {
          emitted.add("idle");
        }

        @Override
        public void markActive() {
          emitted.add("active");
        }
      };

  @Test
  void marksIdleAfterTheTimeoutWithoutEventsAndActiveOnTheNextEvent() {
    WatermarksWithIdleness<String> generator =
        new WatermarksWithIdleness<>(
            new BoundedOutOfOrdernessWatermarks<>(Duration.ofMillis(10)),
            Duration.ofMillis(100),
            () -> nanos);
    generator.onEvent("a", 1_000, output);
    generator.onPeriodicEmit(output);
    nanos += Duration.ofMillis(99).toNanos();
    generator.onPeriodicEmit(output);
    nanos += Duration.ofMillis(1).toNanos();
    generator.onPeriodicEmit(output);
    generator.onPeriodicEmit(output);
    generator.onEvent("b", 2_000, output);
    generator.onPeriodicEmit(output);
    assertThat(emitted).containsExactly("wm 989", "wm 989", "idle", "active", "wm 1989");
  }

  @Test
  void emitsTheWatermarkOfEventsBeforeTurningIdleWhenTheCheckComesLate() {
    WatermarksWithIdleness<String> generator =
        new WatermarksWithIdleness<>(
            new BoundedOutOfOrdernessWatermarks<>(Duration.ofMillis(10)),
            Duration.ofMillis(100),
            () -> nanos);
    generator.onEvent("a", 1_000, output);
    nanos += Duration.ofMillis(500).toNanos();
    generator.onPeriodicEmit(output);
    nanos += Duration.ofMillis(100).toNanos();
    generator.onPeriodicEmit(output);
    assertThat(emitted).containsExactly("wm 989", "idle");
  }

  @Test
  void boundedOutOfOrdernessTrailsTheLargestTimestampByTheBoundPlusOne() {
    BoundedOutOfOrdernessWatermarks<String> generator =
        new BoundedOutOfOrdernessWatermarks<>(Duration.ofSeconds(5));
    generator.onPeriodicEmit(output);
    generator.onEvent("x", 20_000, output);
    generator.onEvent("y", 12_000, output);
    generator.onPeriodicEmit(output);
    assertThat(emitted).containsExactly("wm " + Long.MIN_VALUE, "wm 14999");
  }
}
