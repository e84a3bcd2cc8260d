package io.strom.api.eventtime;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.time.Duration;

/**
 * How a stream gets event timestamps and watermarks: a timestamp assigner and a watermark generator
 * per input, optionally with idleness detection.
 *
 * <pre>{@code
 * WatermarkStrategy.<Event>forBoundedOutOfOrderness(Duration.ofSeconds(5))
 *     .withTimestampAssigner((event, ts) -> event.time())
 *     .withIdleness(Duration.ofMinutes(1));
 * }</pre>
 */
@FunctionalInterface
public interface WatermarkStrategy<T> extends Serializable {

  /** Creates the generator of one input; called once per source split or stream instance. */
  WatermarkGenerator<T> createWatermarkGenerator();

  /** The assigner of event timestamps; by default elements keep the timestamp they carry. */
  default TimestampAssigner<T> createTimestampAssigner() {
    return (element, recordTimestamp) -> recordTimestamp;
  }

  /**
   * How long an input may stay without events before it is idle; zero when the strategy never
   * marks inputs idle. Sources check idleness at least this often even when watermarks are emitted
   * after every record ({@code pipeline.auto-watermark-interval} = 0).
   */
  default Duration idleTimeout() {
    return Duration.ZERO;
  }

  /** Watermarks that trail the largest timestamp seen by the given bound. */
  static <T> WatermarkStrategy<T> forBoundedOutOfOrderness(Duration maxOutOfOrderness) {
    requireNonNull(maxOutOfOrderness, "maxOutOfOrderness");
    return () -> new BoundedOutOfOrdernessWatermarks<>(maxOutOfOrderness);
  }

  /** For timestamps that never go backwards: the watermark follows the largest timestamp. */
  static <T> WatermarkStrategy<T> forMonotonousTimestamps() {
    return forBoundedOutOfOrderness(Duration.ZERO);
  }

  /** No watermarks at all: event time never advances (until the end of a bounded input). */
  static <T> WatermarkStrategy<T> noWatermarks() {
    return () -> new WatermarkGenerator<T>() {
      @Override
      public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {}

      @Override
      public void onPeriodicEmit(WatermarkOutput output) {}
    };
  }

  /** The same watermarks, with timestamps taken from each element by {@code assigner}. */
  default WatermarkStrategy<T> withTimestampAssigner(TimestampAssigner<T> assigner) {
    requireNonNull(assigner, "assigner");
    WatermarkStrategy<T> base = this;
    return new WatermarkStrategy<T>() {
      @Override
      public WatermarkGenerator<T> createWatermarkGenerator() {
        return base.createWatermarkGenerator();
      }

      @Override
      public TimestampAssigner<T> createTimestampAssigner() {
        return assigner;
      }
    };
  }

  /** The same, but an input with no events for {@code idleTimeout} is marked idle. */
  default WatermarkStrategy<T> withIdleness(Duration idleTimeout) {
    requireNonNull(idleTimeout, "idleTimeout");
    WatermarkStrategy<T> base = this;
    return new WatermarkStrategy<T>() {
      @Override
      public WatermarkGenerator<T> createWatermarkGenerator() {
        return new WatermarksWithIdleness<>(base.createWatermarkGenerator(), idleTimeout);
      }

      @Override
      public Duration idleTimeout() {
        return idleTimeout;
      }

      @Override
      public TimestampAssigner<T> createTimestampAssigner() {
        return base.createTimestampAssigner();
      }
    };
  }
}
