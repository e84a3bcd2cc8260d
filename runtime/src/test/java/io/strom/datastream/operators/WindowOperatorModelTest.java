package io.strom.datastream.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.api.functions.AggregateFunction;
import io.strom.api.typeinfo.TypeInfo;
import io.strom.datastream.windowing.assigners.SlidingEventTimeWindows;
import io.strom.datastream.windowing.assigners.TumblingEventTimeWindows;
import io.strom.datastream.windowing.assigners.WindowAssigner;
import io.strom.datastream.windowing.triggers.EventTimeTrigger;
import io.strom.datastream.windowing.triggers.Trigger;
import io.strom.datastream.windowing.triggers.TriggerResult;
import io.strom.datastream.windowing.windows.TimeWindow;
import io.strom.datastream.windowing.windows.Window;
import io.strom.runtime.testutils.OneInputOperatorHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random out-of-order input with watermarks, run through the window operator's fast path (the
 * default event-time trigger) and its general path (the same trigger behind a wrapper), and checked
 * against a direct model of event-time windows: the same results, the same late count.
 */
class WindowOperatorModelTest {

  /** Counts elements; a result is "key[start]=count". */
  static final class Count implements AggregateFunction<long[], long[], Long> {
    @Override
    public long[] createAccumulator() {
      return new long[1];
    }

    @Override
    public long[] add(long[] value, long[] acc) {
      acc[0]++;
      return acc;
    }

    @Override
    public Long getResult(long[] acc) {
      return acc[0];
    }

    @Override
    public long[] merge(long[] a, long[] b) {
      a[0] += b[0];
      return a;
    }
  }

  /** Delegates to the event-time trigger, so the operator cannot recognise it. */
  static final class Wrapped extends Trigger<Object, Window> {
    @Override
    public TriggerResult onElement(Object e, long ts, Window w, TriggerContext ctx) {
      return EventTimeTrigger.create().onElement(e, ts, w, ctx);
    }

    @Override
    public TriggerResult onEventTime(long time, Window w, TriggerContext ctx) {
      return EventTimeTrigger.create().onEventTime(time, w, ctx);
    }

    @Override
    public TriggerResult onProcessingTime(long time, Window w, TriggerContext ctx) {
      return TriggerResult.CONTINUE;
    }

    @Override
    public void clear(Window w, TriggerContext ctx) {
      EventTimeTrigger.create().clear(w, ctx);
    }
  }

  /** Input: {key, timestamp} pairs, with a watermark after some of them. */
  private record Step(long key, long timestamp, long watermarkAfter) {}

  private static List<Step> randomInput(long seed) {
    Random random = new Random(seed);
    List<Step> steps = new ArrayList<>();
    long maxSeen = -1_000;
    for (int i = 0; i < 3_000; i++) {
      long ts = Math.max(-1_000, maxSeen + random.nextInt(60) - 40);
      maxSeen = Math.max(maxSeen, ts);
      long watermark = random.nextInt(8) == 0 ? maxSeen - random.nextInt(30) : Long.MIN_VALUE;
      steps.add(new Step(random.nextInt(5), ts, watermark));
    }
    return steps;
  }

  /** What event-time windows must produce: results per window when the watermark passes it. */
  private static List<String> model(
      List<Step> steps, WindowAssigner<Object, TimeWindow> assigner, long[] lateOut) {
    Map<String, Long> open = new TreeMap<>();
    Map<String, Long> maxTs = new HashMap<>();
    List<String> results = new ArrayList<>();
    long watermark = Long.MIN_VALUE;
    long late = 0;
    for (Step step : steps) {
      boolean added = false;
      for (TimeWindow w : assigner.assignWindows(null, step.timestamp(), () -> 0)) {
        if (w.maxTimestamp() > watermark) {
          String id = step.key() + "[" + w.start() + "]";
          open.merge(id, 1L, Long::sum);
          maxTs.put(id, w.maxTimestamp());
          added = true;
        }
      }
      late += added ? 0 : 1;
      if (step.watermarkAfter() > watermark) {
        watermark = step.watermarkAfter();
        fireDue(open, maxTs, watermark, results);
      }
    }
    fireDue(open, maxTs, Long.MAX_VALUE, results);
    lateOut[0] = late;
    return results;
  }

  private static void fireDue(
      Map<String, Long> open, Map<String, Long> maxTs, long watermark, List<String> results) {
    open.entrySet()
        .removeIf(
            e -> {
              if (maxTs.get(e.getKey()) <= watermark) {
                results.add(e.getKey() + "=" + e.getValue());
                return true;
              }
              return false;
            });
  }

  private static List<String> run(
      List<Step> steps,
      WindowAssigner<Object, TimeWindow> assigner,
      Trigger<Object, ? super TimeWindow> trigger,
      long[] lateOut)
      throws Exception {
    InternalWindowFunction<Long, Long, Long, TimeWindow> emit =
        InternalWindowFunction.passThrough();
    WindowOperator<Long, long[], Long, Long, TimeWindow> operator =
        new WindowOperator<>(
            assigner,
            trigger,
            WindowContents.aggregating(new Count(), TypeInfo.generic()),
            emit,
            0,
            null);
    // Results are compared as "maxTimestamp=count" across keys: a process function showing the key
    // would take the operator off the path under test.
    OneInputOperatorHarness<long[], Long> harness =
        OneInputOperatorHarness.keyed(operator, (long[] e) -> e[0]);
    harness.open();
    long watermark = Long.MIN_VALUE;
    for (Step step : steps) {
      harness.processElement(new long[] {step.key()}, step.timestamp());
      if (step.watermarkAfter() > watermark) {
        watermark = step.watermarkAfter();
        harness.processWatermark(watermark);
      }
    }
    harness.processWatermark(Long.MAX_VALUE);
    Long late = harness.metric(WindowOperator.LATE_RECORDS_DROPPED);
    lateOut[0] = late == null ? 0 : late;
    assertThat(harness.stateBackend().totalEntryCount()).isZero();
    List<String> results = new ArrayList<>();
    harness.records().forEach(r -> results.add(r.timestamp() + "=" + r.value()));
    harness.close();
    return results;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void fastAndGeneralPathsMatchTheModelOfEventTimeWindows(long seed) throws Exception {
    List<Step> steps = randomInput(seed);
    for (WindowAssigner<Object, TimeWindow> assigner :
        List.of(
            TumblingEventTimeWindows.of(Duration.ofMillis(50)),
            SlidingEventTimeWindows.of(Duration.ofMillis(50), Duration.ofMillis(20)))) {
      long[] modelLate = new long[1];
      List<String> expected = new ArrayList<>();
      for (String r : model(steps, assigner, modelLate)) {
        // "key[start]=count" -> "maxTimestamp=count": what the operator's records show.
        String window = r.substring(r.indexOf('[') + 1, r.indexOf(']'));
        long size = 50;
        expected.add((Long.parseLong(window) + size - 1) + r.substring(r.indexOf('=')));
      }
      long[] fastLate = new long[1];
      long[] generalLate = new long[1];
      List<String> fast = run(steps, assigner, EventTimeTrigger.create(), fastLate);
      List<String> general = run(steps, assigner, new Wrapped(), generalLate);

      assertThat(modelLate[0]).as("the input has late elements").isPositive();
      assertThat(fast).as("fast path, %s", assigner).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(general)
          .as("general path, %s", assigner)
          .containsExactlyInAnyOrderElementsOf(expected);
      assertThat(fastLate[0]).isEqualTo(modelLate[0]);
      assertThat(generalLate[0]).isEqualTo(modelLate[0]);
    }
  }
}
