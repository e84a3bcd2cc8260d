package io.strom.datastream.windowing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.datastream.windowing.assigners.EventTimeSessionWindows;
import io.strom.datastream.windowing.assigners.MergingWindowAssigner;
import io.strom.datastream.windowing.assigners.ProcessingTimeSessionWindows;
import io.strom.datastream.windowing.assigners.SlidingEventTimeWindows;
import io.strom.datastream.windowing.assigners.SlidingProcessingTimeWindows;
import io.strom.datastream.windowing.assigners.TumblingEventTimeWindows;
import io.strom.datastream.windowing.assigners.TumblingProcessingTimeWindows;
import io.strom.datastream.windowing.assigners.WindowAssigner;
import io.strom.datastream.windowing.triggers.EventTimeTrigger;
import io.strom.datastream.windowing.triggers.ProcessingTimeTrigger;
import io.strom.datastream.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The window math of the assigners: boundaries, offsets, negative timestamps, overlap, merging. */
class WindowAssignersTest {
  private static final WindowAssigner.AssignerContext AT_NOON = () -> 43_200_000L;

  private static List<TimeWindow> assign(WindowAssigner<Object, TimeWindow> assigner, long ts) {
    return assigner.assignWindows("e", ts, AT_NOON);
  }

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }

  @ParameterizedTest
  @CsvSource({
    "0, 0, 0",
    "4999, 0, 0",
    "5000, 0, 5000",
    "-1, 0, -5000",
    "-5000, 0, -5000",
    "-5001, 0, -10000",
    "0, 1000, -4000",
    "999, 1000, -4000",
    "1000, 1000, 1000",
    "-3999, 1000, -4000",
    "1000, -1000, -1000",
    "3999, -1000, -1000",
    "4000, -1000, 4000"
  })
  void tumblingWindowStartsAtOffsetPlusMultipleOfSizeAlsoBeforeTheEpoch(
      long timestamp, long offset, long expectedStart) {
    List<TimeWindow> windows = assign(TumblingEventTimeWindows.of(ms(5000), ms(offset)), timestamp);
    assertThat(windows).containsExactly(new TimeWindow(expectedStart, expectedStart + 5000));
    assertThat(windows.get(0).maxTimestamp()).isEqualTo(expectedStart + 4999);
  }

  @Test
  void tumblingAssignerReturnsTheSameListForElementsOfTheSameWindow() {
    TumblingEventTimeWindows assigner = TumblingEventTimeWindows.of(ms(1000));
    List<TimeWindow> first = assign(assigner, 1_100);
    assertThat(assign(assigner, 1_999)).isSameAs(first);
    assertThat(assign(assigner, 2_000)).containsExactly(new TimeWindow(2_000, 3_000));
  }

  @Test
  void slidingWindowsPutEachElementIntoSizeOverSlideWindows() {
    SlidingEventTimeWindows assigner = SlidingEventTimeWindows.of(ms(10_000), ms(2_500));
    assertThat(assign(assigner, 12_345))
        .containsExactly(
            new TimeWindow(10_000, 20_000),
            new TimeWindow(7_500, 17_500),
            new TimeWindow(5_000, 15_000),
            new TimeWindow(2_500, 12_500));
    for (long ts = -20_000; ts < 20_000; ts += 777) {
      List<TimeWindow> windows = assign(assigner, ts);
      assertThat(windows).hasSize(4);
      for (TimeWindow w : windows) {
        assertThat(ts).isBetween(w.start(), w.maxTimestamp());
      }
    }
  }

  @Test
  void slidingWindowCountDependsOnPositionInSlideWhenSizeIsNotAMultiple() {
    SlidingEventTimeWindows assigner = SlidingEventTimeWindows.of(ms(15), ms(10));
    assertThat(assign(assigner, 10)).containsExactly(new TimeWindow(10, 25), new TimeWindow(0, 15));
    assertThat(assign(assigner, 19)).containsExactly(new TimeWindow(10, 25));
    assertThat(assign(assigner, 14)).containsExactly(new TimeWindow(10, 25), new TimeWindow(0, 15));
  }

  @Test
  void slidingWindowsWithGapsLeaveSomeElementsWithoutWindow() {
    SlidingEventTimeWindows assigner = SlidingEventTimeWindows.of(ms(5), ms(10));
    assertThat(assign(assigner, 4)).containsExactly(new TimeWindow(0, 5));
    assertThat(assign(assigner, 7)).isEmpty();
  }

  @Test
  void slidingWindowsHonourOffsetForNegativeTimestamps() {
    SlidingEventTimeWindows assigner = SlidingEventTimeWindows.of(ms(6), ms(3), ms(1));
    assertThat(assign(assigner, -3)).containsExactly(new TimeWindow(-5, 1), new TimeWindow(-8, -2));
  }

  @Test
  void everySlidingWindowOfARangeSeesTheSameNumberOfTimestamps() {
    SlidingEventTimeWindows assigner = SlidingEventTimeWindows.of(ms(100), ms(30), ms(7));
    Map<TimeWindow, Integer> counts = new TreeMap<>((a, b) -> Long.compare(a.start(), b.start()));
    for (long ts = -1_000; ts < 1_000; ts++) {
      for (TimeWindow w : assign(assigner, ts)) {
        counts.merge(w, 1, Integer::sum);
      }
    }
    // Windows wholly inside the range hold exactly `size` timestamps.
    counts.forEach(
        (w, n) -> {
          if (w.start() >= -1_000 && w.end() <= 1_000) {
            assertThat(n).as("timestamps in %s", w).isEqualTo(100);
            assertThat(Math.floorMod(w.start() - 7, 30)).isZero();
          }
        });
  }

  @Test
  void processingTimeAssignersUseTheClockNotTheElementTimestamp() {
    assertThat(assign(TumblingProcessingTimeWindows.of(ms(60_000)), 5))
        .containsExactly(new TimeWindow(43_200_000, 43_260_000));
    assertThat(assign(SlidingProcessingTimeWindows.of(ms(60_000), ms(30_000)), 5))
        .containsExactly(
            new TimeWindow(43_200_000, 43_260_000), new TimeWindow(43_170_000, 43_230_000));
    assertThat(assign(ProcessingTimeSessionWindows.withGap(ms(10)), 5))
        .containsExactly(new TimeWindow(43_200_000, 43_200_010));
  }

  @Test
  void assignersDeclareTheirTimeDomainAndDefaultTrigger() {
    assertThat(TumblingEventTimeWindows.of(ms(1)).isEventTime()).isTrue();
    assertThat(TumblingEventTimeWindows.of(ms(1)).defaultTrigger())
        .isSameAs(EventTimeTrigger.create());
    assertThat(SlidingProcessingTimeWindows.of(ms(2), ms(1)).isEventTime()).isFalse();
    assertThat(ProcessingTimeSessionWindows.withGap(ms(1)).defaultTrigger())
        .isSameAs(ProcessingTimeTrigger.create());
  }

  @Test
  void eventTimeAssignersRejectElementsWithoutTimestampNamingTheFix() {
    for (WindowAssigner<Object, TimeWindow> assigner :
        List.of(
            TumblingEventTimeWindows.of(ms(10)),
            SlidingEventTimeWindows.of(ms(10), ms(5)),
            EventTimeSessionWindows.withGap(ms(10)))) {
      assertThatThrownBy(() -> assign(assigner, Long.MIN_VALUE))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("assignTimestampsAndWatermarks")
          .hasMessageContaining("WatermarkStrategy");
    }
  }

  @Test
  void rejectsNonPositiveSizesAndOffsetsNotShorterThanThePeriod() {
    assertThatThrownBy(() -> TumblingEventTimeWindows.of(Duration.ZERO))
        .hasMessageContaining("size");
    assertThatThrownBy(() -> TumblingEventTimeWindows.of(ms(10), ms(10)))
        .hasMessageContaining("offset");
    assertThatThrownBy(() -> SlidingEventTimeWindows.of(ms(10), ms(5), ms(-5)))
        .hasMessageContaining("offset");
    assertThatThrownBy(() -> EventTimeSessionWindows.withGap(ms(-1))).hasMessageContaining("gap");
  }

  @Test
  void sessionWindowsMergeOverlappingAndTouchingWindowsOnly() {
    EventTimeSessionWindows sessions = EventTimeSessionWindows.withGap(ms(10));
    List<TimeWindow> windows =
        List.of(
            new TimeWindow(20, 30),
            new TimeWindow(0, 10),
            new TimeWindow(10, 20),
            new TimeWindow(45, 55),
            new TimeWindow(31, 41),
            new TimeWindow(50, 60));
    List<String> merges = new ArrayList<>();
    MergingWindowAssigner.MergeCallback<TimeWindow> callback =
        (toBeMerged, result) -> merges.add(toBeMerged + " -> " + result);
    sessions.mergeWindows(windows, callback);
    assertThat(merges)
        .containsExactly(
            "[TimeWindow[0, 10), TimeWindow[10, 20), TimeWindow[20, 30)] -> TimeWindow[0, 30)",
            "[TimeWindow[45, 55), TimeWindow[50, 60)] -> TimeWindow[45, 60)");
  }

  @Test
  void timeWindowCoversAndIntersects() {
    TimeWindow a = new TimeWindow(0, 10);
    assertThat(a.intersects(new TimeWindow(10, 20))).isTrue();
    assertThat(a.intersects(new TimeWindow(11, 20))).isFalse();
    assertThat(a.cover(new TimeWindow(15, 20))).isEqualTo(new TimeWindow(0, 20));
    assertThatThrownBy(() -> new TimeWindow(5, 5)).isInstanceOf(IllegalArgumentException.class);
  }
}
