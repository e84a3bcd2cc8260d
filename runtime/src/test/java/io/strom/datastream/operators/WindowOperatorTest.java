package io.strom.datastream.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.api.OutputTag;
import io.strom.api.functions.AggregateFunction;
import io.strom.api.functions.Collector;
import io.strom.api.functions.RuntimeContext;
import io.strom.api.state.ValueState;
import io.strom.api.state.ValueStateDescriptor;
import io.strom.api.typeinfo.TypeInfo;
import io.strom.api.typeinfo.Types;
import io.strom.datastream.windowing.ProcessWindowFunction;
import io.strom.datastream.windowing.assigners.EventTimeSessionWindows;
import io.strom.datastream.windowing.assigners.ProcessingTimeSessionWindows;
import io.strom.datastream.windowing.assigners.SlidingEventTimeWindows;
import io.strom.datastream.windowing.assigners.TumblingEventTimeWindows;
import io.strom.datastream.windowing.assigners.TumblingProcessingTimeWindows;
import io.strom.datastream.windowing.assigners.WindowAssigner;
import io.strom.datastream.windowing.triggers.CountTrigger;
import io.strom.datastream.windowing.triggers.PurgingTrigger;
import io.strom.datastream.windowing.triggers.Trigger;
import io.strom.datastream.windowing.windows.TimeWindow;
import io.strom.runtime.testutils.CollectingOutput.Timestamped;
import io.strom.runtime.testutils.OneInputOperatorHarness;
import io.strom.runtime.time.TimerServiceManager;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The window operator in the operator harness: windows of each assigner fed out-of-order elements,
 * explicit watermarks and manual processing time; lateness, triggers and cleanup of state.
 */
class WindowOperatorTest {

  /** A test element: a key and an amount. */
  record Tx(String key, int amount) implements Serializable {}

  private static final OutputTag<Tx> LATE = new OutputTag<>("late");

  /** Formats each fired window as "key[start,end)=sum of amounts (n elements)". */
  static final class Describe extends ProcessWindowFunction<Tx, String, String, TimeWindow> {
    @Override
    public void process(String key, Context ctx, Iterable<Tx> elements, Collector<String> out) {
      int sum = 0;
      int n = 0;
      for (Tx tx : elements) {
        sum += tx.amount();
        n++;
      }
      TimeWindow w = ctx.window();
      out.collect(key + "[" + w.start() + "," + w.end() + ")=" + sum + " (" + n + ")");
    }
  }

  /** Sums amounts; the result is "key=sum". */
  static final class SumAmounts implements AggregateFunction<Tx, long[], Long> {
    @Override
    public long[] createAccumulator() {
      return new long[1];
    }

    @Override
    public long[] add(Tx value, long[] acc) {
      acc[0] += value.amount();
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

  /** An operator under test in the shared operator harness. */
  static final class Run<OUT> {
    final OneInputOperatorHarness<Tx, OUT> harness;
    private int drained;

    Run(WindowOperator<String, Tx, ?, OUT, TimeWindow> op) throws Exception {
      harness = OneInputOperatorHarness.keyed(op, Tx::key);
      harness.open();
    }

    Run<OUT> add(String key, int amount, long ts) throws Exception {
      harness.processElement(new Tx(key, amount), ts);
      return this;
    }

    Run<OUT> watermark(long wm) throws Exception {
      harness.processWatermark(wm);
      return this;
    }

    Run<OUT> processingTime(long time) throws Exception {
      harness.setProcessingTime(time);
      return this;
    }

    /** The values emitted since the last call. */
    List<OUT> drain() {
      List<OUT> all = harness.values();
      List<OUT> fresh = new ArrayList<>(all.subList(drained, all.size()));
      drained = all.size();
      return fresh;
    }

    /** The records with timestamps emitted so far. */
    List<Timestamped<OUT>> records() {
      return harness.records();
    }

    List<Timestamped<Tx>> late() {
      return harness.output().sideOutput(LATE);
    }

    long lateDropped() {
      Long count = harness.metric(WindowOperator.LATE_RECORDS_DROPPED);
      return count == null ? 0 : count;
    }

    long stateEntries() {
      return harness.stateBackend().totalEntryCount();
    }

    int timerCount() {
      TimerServiceManager<Object> timers = harness.timerServiceManager();
      return timers.numEventTimeTimers() + timers.numProcessingTimeTimers();
    }
  }

  private static Run<String> process(WindowAssigner<Object, TimeWindow> assigner) throws Exception {
    return process(assigner, assigner.defaultTrigger(), 0, null);
  }

  @SuppressWarnings("unchecked")
  private static Run<String> process(
      WindowAssigner<Object, TimeWindow> assigner,
      Trigger<? super Tx, ? super TimeWindow> trigger,
      long lateness,
      OutputTag<Tx> lateTag)
      throws Exception {
    return new Run<>(
        new WindowOperator<String, Tx, Iterable<Tx>, String, TimeWindow>(
            assigner,
            trigger,
            WindowContents.list(TypeInfo.generic()),
            InternalWindowFunction.ofElements(new Describe()),
            lateness,
            lateTag));
  }

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }

  @Test
  void tumblingWindowFiresOncePerKeyWhenWatermarkPassesItsMaxTimestamp() throws Exception {
    Run<String> run = process(TumblingEventTimeWindows.of(ms(5000)));
    run.add("a", 1, 4000).add("b", 10, 100).add("a", 2, 1000).add("a", 4, 6000);
    run.add("b", 20, 4999).watermark(4998);
    assertThat(run.drain()).isEmpty();

    run.watermark(4999);
    assertThat(run.records()).extracting(Timestamped::timestamp).containsOnly(4999L);
    assertThat(run.drain()).containsExactlyInAnyOrder("a[0,5000)=3 (2)", "b[0,5000)=30 (2)");
    assertThat(run.harness.watermarks()).containsExactly(4998L, 4999L);

    run.watermark(20_000);
    assertThat(run.drain()).containsExactly("a[5000,10000)=4 (1)");
  }

  @Test
  void firedWindowsLeaveNoStateOrTimersBehind() throws Exception {
    Run<String> run = process(TumblingEventTimeWindows.of(ms(10)));
    for (int i = 0; i < 100; i++) {
      run.add("k" + (i % 7), i, i);
    }
    assertThat(run.stateEntries()).isPositive();
    run.watermark(Long.MAX_VALUE);
    assertThat(run.drain()).hasSize(70);
    assertThat(run.stateEntries()).isZero();
    assertThat(run.timerCount()).isZero();
  }

  @Test
  void slidingWindowsEmitEveryOverlappingWindowAnElementFallsInto() throws Exception {
    Run<String> run = process(SlidingEventTimeWindows.of(ms(10), ms(5)));
    run.add("a", 1, 7).add("a", 2, 3).add("a", 4, 12);
    run.watermark(9);
    assertThat(run.drain()).containsExactly("a[-5,5)=2 (1)", "a[0,10)=3 (2)");
    run.watermark(14);
    assertThat(run.drain()).containsExactly("a[5,15)=5 (2)");
    run.watermark(100);
    assertThat(run.drain()).containsExactly("a[10,20)=4 (1)");
    assertThat(run.stateEntries()).isZero();
  }

  @Test
  void sessionWindowsMergeAndABridgingElementJoinsTwoSessions() throws Exception {
    Run<String> run = process(EventTimeSessionWindows.withGap(ms(10)));
    run.add("a", 1, 0).add("a", 2, 5); // session [0, 15)
    run.add("a", 4, 25); // session [25, 35)
    run.add("b", 100, 12); // other key, not merged
    run.watermark(13);
    assertThat(run.drain()).isEmpty();

    run.add("a", 8, 15); // [15, 25) touches both sessions: one session
    run.watermark(33);
    assertThat(run.drain()).containsExactly("b[12,22)=100 (1)");
    run.watermark(34);
    assertThat(run.drain()).containsExactly("a[0,35)=15 (4)");
    assertThat(run.stateEntries()).isZero();
    assertThat(run.timerCount()).isZero();
  }

  @Test
  void sessionWindowsFireSeparatelyWhenGapIsNotBridged() throws Exception {
    Run<String> run = process(EventTimeSessionWindows.withGap(ms(10)));
    run.add("a", 1, 0).add("a", 2, 25).add("a", 4, 3);
    run.watermark(12);
    assertThat(run.drain()).containsExactly("a[0,13)=5 (2)");
    run.watermark(34);
    assertThat(run.drain()).containsExactly("a[25,35)=2 (1)");
  }

  @Test
  void sessionCountsOfACountTriggerAddUpWhenSessionsMerge() throws Exception {
    Run<String> run = process(EventTimeSessionWindows.withGap(ms(10)), CountTrigger.of(3), 0, null);
    run.add("a", 1, 0).add("a", 2, 20);
    assertThat(run.drain()).isEmpty();
    run.add("a", 4, 10); // bridges both sessions: the third element of the merged session
    assertThat(run.drain()).containsExactly("a[0,30)=7 (3)");
  }

  @Test
  void allowedLatenessReFiresWithTheLateElementAndCleansUpAfterwards() throws Exception {
    Run<String> run =
        process(
            TumblingEventTimeWindows.of(ms(10)),
            TumblingEventTimeWindows.of(ms(10)).defaultTrigger(),
            5,
            LATE);
    run.add("a", 1, 2).watermark(9);
    assertThat(run.drain()).containsExactly("a[0,10)=1 (1)");

    run.add("a", 2, 3).watermark(12);
    assertThat(run.drain()).containsExactly("a[0,10)=3 (2)");
    run.add("a", 4, 9);
    assertThat(run.drain()).containsExactly("a[0,10)=7 (3)");

    run.watermark(14); // 9 + 5: the window is cleaned up
    assertThat(run.drain()).isEmpty();
    assertThat(run.stateEntries()).isZero();
    run.add("a", 8, 1);
    assertThat(run.drain()).isEmpty();
    assertThat(run.late()).containsExactly(new Timestamped<>(new Tx("a", 8), 1));
  }

  @Test
  void lateElementsAreDroppedAndCounted() throws Exception {
    Run<String> run = process(TumblingEventTimeWindows.of(ms(10)));
    run.add("a", 1, 5).watermark(10);
    assertThat(run.drain()).containsExactly("a[0,10)=1 (1)");
    run.add("a", 2, 9).add("b", 3, 0).add("a", 4, 10);
    assertThat(run.lateDropped()).isEqualTo(2);
    assertThat(run.late()).isEmpty();
    run.watermark(100);
    assertThat(run.drain()).containsExactly("a[10,20)=4 (1)");
  }

  @Test
  void lateElementsGoToTheSideOutputWithTheirTimestampInsteadOfBeingCounted() throws Exception {
    Run<String> run =
        process(
            TumblingEventTimeWindows.of(ms(10)),
            TumblingEventTimeWindows.of(ms(10)).defaultTrigger(),
            0,
            LATE);
    run.add("a", 1, 5).watermark(10).add("a", 2, 9).add("b", 3, 0);
    assertThat(run.late())
        .containsExactly(
            new Timestamped<>(new Tx("a", 2), 9), new Timestamped<>(new Tx("b", 3), 0));
    assertThat(run.lateDropped()).isZero();
  }

  @Test
  void slidingElementIsLateOnlyWhenAllItsWindowsAreGone() throws Exception {
    Run<String> run = process(SlidingEventTimeWindows.of(ms(10), ms(5)));
    run.add("a", 1, 1).watermark(9);
    run.drain();
    run.add("a", 2, 7); // [0,10) is gone, [5,15) is not
    assertThat(run.lateDropped()).isZero();
    run.watermark(100);
    assertThat(run.drain()).containsExactly("a[5,15)=2 (1)");
  }

  @Test
  void countTriggerFiresEveryNElementsAndKeepsTheContents() throws Exception {
    Run<String> run = process(TumblingEventTimeWindows.of(ms(100)), CountTrigger.of(2), 0, null);
    run.add("a", 1, 1).add("b", 5, 1).add("a", 2, 2);
    assertThat(run.drain()).containsExactly("a[0,100)=3 (2)");
    run.add("a", 4, 3).add("a", 8, 4);
    assertThat(run.drain()).containsExactly("a[0,100)=15 (4)");
    // Event time only cleans up: the count trigger does not fire on the watermark.
    run.watermark(99);
    assertThat(run.drain()).isEmpty();
    assertThat(run.stateEntries()).isZero();
  }

  @Test
  void purgingTriggerEmitsOnlyTheElementsSinceTheLastFiring() throws Exception {
    Run<String> run =
        process(
            TumblingEventTimeWindows.of(ms(100)), PurgingTrigger.of(CountTrigger.of(2)), 0, null);
    run.add("a", 1, 1).add("a", 2, 2).add("a", 4, 3).add("a", 8, 4).add("a", 16, 5);
    assertThat(run.drain()).containsExactly("a[0,100)=3 (2)", "a[0,100)=12 (2)");
  }

  @Test
  void processingTimeWindowsFireWhenTheClockReachesTheirEnd() throws Exception {
    Run<String> run = process(TumblingProcessingTimeWindows.of(ms(1000)));
    run.processingTime(1_500).add("a", 1, Long.MIN_VALUE).add("a", 2, 3);
    run.watermark(Long.MAX_VALUE - 1);
    assertThat(run.drain()).isEmpty();
    run.processingTime(1_998);
    assertThat(run.drain()).isEmpty();
    run.processingTime(2_100).add("a", 4, 0);
    assertThat(run.drain()).containsExactly("a[1000,2000)=3 (2)");
    assertThat(run.lateDropped()).isZero();
    run.processingTime(3_000);
    assertThat(run.drain()).containsExactly("a[2000,3000)=4 (1)");
    assertThat(run.stateEntries()).isZero();
  }

  @Test
  void processingTimeSessionsMergeOnTheClock() throws Exception {
    Run<String> run = process(ProcessingTimeSessionWindows.withGap(ms(100)));
    run.processingTime(0).add("a", 1, 0);
    run.processingTime(80).add("a", 2, 0);
    run.processingTime(178);
    assertThat(run.drain()).isEmpty();
    run.processingTime(179);
    assertThat(run.drain()).containsExactly("a[0,180)=3 (2)");
  }

  @Test
  void aggregateEmitsTheResultAndAProcessWindowFunctionCanAddTheWindow() throws Exception {
    Run<Long> plain =
        new Run<>(
            new WindowOperator<String, Tx, Long, Long, TimeWindow>(
                TumblingEventTimeWindows.of(ms(10)),
                TumblingEventTimeWindows.of(ms(10)).defaultTrigger(),
                WindowContents.aggregating(new SumAmounts(), TypeInfo.generic()),
                InternalWindowFunction.passThrough(),
                0,
                null));
    plain.add("a", 3, 1).add("a", 4, 2).watermark(9);
    assertThat(plain.drain()).containsExactly(7L);

    ProcessWindowFunction<Long, String, String, TimeWindow> withWindow =
        new ProcessWindowFunction<>() {
          @Override
          public void process(String key, Context ctx, Iterable<Long> sums, Collector<String> out) {
            for (Long sum : sums) {
              out.collect(
                  key + "@" + ctx.window().end() + "=" + sum + " wm=" + ctx.currentWatermark());
              ctx.output(LATE_NOTES, "note " + key);
            }
          }
        };
    Run<String> enriched =
        new Run<>(
            new WindowOperator<String, Tx, Long, String, TimeWindow>(
                EventTimeSessionWindows.withGap(ms(5)),
                EventTimeSessionWindows.withGap(ms(5)).defaultTrigger(),
                WindowContents.aggregating(new SumAmounts(), TypeInfo.generic()),
                InternalWindowFunction.ofSingleValue(withWindow),
                0,
                null));
    enriched.add("a", 3, 1).add("a", 4, 11).add("a", 5, 6).watermark(20);
    assertThat(enriched.drain()).containsExactly("a@16=12 wm=20");
    assertThat(enriched.harness.output().sideOutput(LATE_NOTES))
        .containsExactly(new Timestamped<>("note a", 15L));
  }

  private static final OutputTag<String> LATE_NOTES = new OutputTag<>("notes");

  @Test
  void reduceEmitsOneReducedValuePerWindowWithTheWindowsMaxTimestamp() throws Exception {
    Run<Tx> run =
        new Run<>(
            new WindowOperator<String, Tx, Tx, Tx, TimeWindow>(
                TumblingEventTimeWindows.of(ms(10)),
                TumblingEventTimeWindows.of(ms(10)).defaultTrigger(),
                WindowContents.reducing(
                    (x, y) -> new Tx(x.key(), x.amount() + y.amount()), TypeInfo.generic()),
                InternalWindowFunction.passThrough(),
                0,
                null));
    run.add("a", 1, 11).add("a", 2, 15).add("b", 4, 19).watermark(19);
    assertThat(run.records())
        .containsExactlyInAnyOrder(
            new Timestamped<>(new Tx("a", 3), 19L), new Timestamped<>(new Tx("b", 4), 19L));
  }

  @Test
  void rejectsATriggerThatCannotMergeForSessionWindows() {
    Trigger<Object, TimeWindow> notMerging =
        new Trigger<>() {
          @Override
          public io.strom.datastream.windowing.triggers.TriggerResult onElement(
              Object element, long timestamp, TimeWindow window, TriggerContext ctx) {
            return io.strom.datastream.windowing.triggers.TriggerResult.CONTINUE;
          }

          @Override
          public io.strom.datastream.windowing.triggers.TriggerResult onEventTime(
              long time, TimeWindow window, TriggerContext ctx) {
            return io.strom.datastream.windowing.triggers.TriggerResult.CONTINUE;
          }

          @Override
          public io.strom.datastream.windowing.triggers.TriggerResult onProcessingTime(
              long time, TimeWindow window, TriggerContext ctx) {
            return io.strom.datastream.windowing.triggers.TriggerResult.CONTINUE;
          }

          @Override
          public void clear(TimeWindow window, TriggerContext ctx) {}
        };
    assertThatThrownBy(() -> process(EventTimeSessionWindows.withGap(ms(10)), notMerging, 0, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot merge");
  }

  @Test
  void aLateElementWithinLatenessExtendsAFiredSessionWhichFiresAgainAtItsNewEnd() throws Exception {
    Run<String> run =
        process(
            EventTimeSessionWindows.withGap(ms(10)),
            EventTimeSessionWindows.withGap(ms(10)).defaultTrigger(),
            20,
            LATE);
    run.add("a", 1, 0).watermark(9);
    assertThat(run.drain()).containsExactly("a[0,10)=1 (1)");
    run.add("a", 2, 5).watermark(13);
    assertThat(run.drain()).isEmpty();
    run.watermark(14);
    assertThat(run.drain()).containsExactly("a[0,15)=3 (2)");
    run.watermark(34);
    assertThat(run.stateEntries()).isZero();
    assertThat(run.timerCount()).isZero();
    run.add("a", 4, 3);
    assertThat(run.late()).containsExactly(new Timestamped<>(new Tx("a", 4), 3));
  }

  /** Counts its firings per key in keyed state and tracks its lifecycle. */
  static final class FiringsPerKey extends ProcessWindowFunction<Tx, String, String, TimeWindow> {
    private transient ValueState<Integer> firings;
    boolean closed;

    @Override
    public void open(RuntimeContext context) {
      firings = context.getState(new ValueStateDescriptor<>("firings", Types.INT));
    }

    @Override
    public void process(String key, Context ctx, Iterable<Tx> elements, Collector<String> out) {
      Integer n = firings.value();
      firings.update(n == null ? 1 : n + 1);
      out.collect(key + "#" + firings.value());
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  @Test
  void windowFunctionsKeepKeyedStateAcrossWindowsOfTheirKeyAndAreClosed() throws Exception {
    FiringsPerKey function = new FiringsPerKey();
    Run<String> run =
        new Run<>(
            new WindowOperator<String, Tx, Iterable<Tx>, String, TimeWindow>(
                TumblingEventTimeWindows.of(ms(10)),
                TumblingEventTimeWindows.of(ms(10)).defaultTrigger(),
                WindowContents.list(TypeInfo.generic()),
                InternalWindowFunction.ofElements(function),
                0,
                null));
    run.add("a", 1, 1).add("b", 1, 2).add("a", 1, 11).add("a", 1, 21).watermark(100);
    assertThat(run.drain()).containsExactlyInAnyOrder("a#1", "b#1", "a#2", "a#3");
    run.harness.close();
    assertThat(function.closed).isTrue();
  }
}
