package io.strom.runtime.testutils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.api.OutputTag;
import io.strom.api.functions.KeySelector;
import io.strom.api.state.ValueState;
import io.strom.api.state.ValueStateDescriptor;
import io.strom.api.typeinfo.Types;
import io.strom.runtime.metrics.Counter;
import io.strom.runtime.operators.AbstractOperator;
import io.strom.runtime.operators.OneInputOperator;
import io.strom.runtime.operators.TwoInputOperator;
import io.strom.runtime.state.InternalValueState;
import io.strom.runtime.state.KeyedStateAccess;
import io.strom.runtime.state.KeyedStateBackend;
import io.strom.runtime.time.InternalTimerService;
import io.strom.runtime.time.Triggerable;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Round trips of small operators through the test harnesses. */
@SuppressWarnings("try")
class OperatorHarnessTest {

  /**
   * Counts records per key in tumbling windows of 10 ms of event time (state namespace: the
   * window's end): emits {@code key=count} when the watermark passes the window's end. Also keeps a
   * per-key total through the user-facing state API and reports it as {@code key~total} 100 ms of
   * processing time after the key's first record. Late records go to a side output.
   */
  static final class WindowedCountOperator extends AbstractOperator<String>
      implements OneInputOperator<String, String>, Triggerable<String, Long> {
    static final OutputTag<String> LATE = new OutputTag<>("late");
    private static final long NO_WINDOW = -1;

    private transient KeySelector<String, String> keys;
    private transient InternalValueState<String, Long, Long> windowCounts;
    private transient KeyedStateAccess<String> state;
    private transient ValueState<Long> total;
    private transient InternalTimerService<String, Long> timers;
    private transient Counter lateRecords;

    @Override
    protected void setup() {
      keys = context.keySelector(0);
      KeyedStateBackend<String> backend = context.keyedStateBackend();
      windowCounts = backend.valueState(new ValueStateDescriptor<>("count", Types.LONG));
      state = new KeyedStateAccess<>(backend, context.operatorName());
      total = state.getState(new ValueStateDescriptor<>("total", Types.LONG));
      timers = context.timerService("windows", this);
      lateRecords = context.metrics().counter("numLateRecordsDropped");
    }

    @Override
    public void processElement(String record, long timestamp) throws Exception {
      long windowEnd = timestamp - timestamp % 10 + 9;
      if (windowEnd <= timers.currentWatermark()) {
        lateRecords.inc();
        output.collect(LATE, record, timestamp);
        return;
      }
      String key = keys.getKey(record);
      Long count = windowCounts.get(key, windowEnd);
      windowCounts.update(key, windowEnd, count == null ? 1 : count + 1);
      timers.registerEventTimeTimer(key, windowEnd, windowEnd);

      state.setCurrentKey(key);
      Long sum = total.value();
      if (sum == null) {
        timers.registerProcessingTimeTimer(key, NO_WINDOW, timers.currentProcessingTime() + 100);
      }
      total.update(sum == null ? 1 : sum + 1);
    }

    @Override
    public void onEventTime(String key, Long windowEnd, long time) {
      output.collect(key + "=" + windowCounts.get(key, windowEnd), time);
      windowCounts.clear(key, windowEnd);
    }

    @Override
    public void onProcessingTime(String key, Long namespace, long time) {
      state.setCurrentKey(key);
      output.collect(key + "~" + total.value(), time);
    }

    @Override
    public void finish() {
      output.collect("finished", Long.MAX_VALUE);
    }
  }

  private static OneInputOperatorHarness<String, String> openHarness() throws Exception {
    OneInputOperatorHarness<String, String> harness =
        OneInputOperatorHarness.keyed(
            new WindowedCountOperator(), (String s) -> s.substring(0, 1));
    harness.setOperatorName("Window(count)");
    harness.open();
    return harness;
  }

  @Test
  void keyedOperatorCountsPerKeyAndEmitsWhenTheWatermarkPassesTheWindow() throws Exception {
    try (OneInputOperatorHarness<String, String> harness = openHarness()) {
      harness.processElement("a1", 1);
      harness.processElement("b1", 2);
      harness.processElement("a2", 3);
      harness.processElement("a3", 12);
      assertThat(harness.stateBackend().entryCount("count")).isEqualTo(3);

      harness.processWatermark(9);

      assertThat(harness.output().timeline())
          .containsExactly("record a=2@9", "record b=1@9", "watermark 9");
      assertThat(harness.stateBackend().entryCount("count")).isEqualTo(1);
      assertThat(harness.timerServiceManager().numEventTimeTimers()).isEqualTo(1);

      harness.processElement("b2", 15);
      harness.processWatermark(19);
      assertThat(harness.values()).endsWith("a=1", "b=1");
      assertThat(harness.watermarks()).containsExactly(9L, 19L);
    }
  }

  @Test
  void lateRecordsGoToTheSideOutputAndAreCounted() throws Exception {
    try (OneInputOperatorHarness<String, String> harness = openHarness()) {
      harness.processWatermark(20);
      harness.processElement("a1", 5);
      harness.processElement("b1", 19);
      harness.processElement("a2", 21);

      assertThat(harness.sideOutputValues(WindowedCountOperator.LATE))
          .containsExactly("a1", "b1");
      assertThat(harness.output().sideOutput(WindowedCountOperator.LATE).get(0).timestamp())
          .isEqualTo(5);
      assertThat(harness.metric("numLateRecordsDropped")).isEqualTo(2L);
      assertThat(harness.metricRegistry().sum("Window(count)", "numLateRecordsDropped"))
          .isEqualTo(2);
    }
  }

  @Test
  void processingTimeTimersFireWhenTheHarnessClockAdvances() throws Exception {
    try (OneInputOperatorHarness<String, String> harness = openHarness()) {
      harness.setProcessingTime(50);
      harness.processElement("a1", 1);
      harness.setProcessingTime(100);
      harness.processElement("b1", 2);
      harness.processElement("a2", 3);

      harness.setProcessingTime(149);
      assertThat(harness.values()).isEmpty();
      harness.setProcessingTime(150);
      assertThat(harness.records()).extracting(Object::toString).containsExactly("a~2@150");
      harness.setProcessingTime(1_000);
      assertThat(harness.values()).containsExactly("a~2", "b~1");
    }
  }

  @Test
  void finishFlushesAndCloseReleasesState() throws Exception {
    OneInputOperatorHarness<String, String> harness = openHarness();
    harness.processElement("a1", 1);
    harness.finish();
    assertThat(harness.values()).containsExactly("finished");

    harness.close();
    harness.close();
    assertThatThrownBy(() -> harness.processElement("a2", 2))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void nonKeyedHarnessRefusesKeyedInspection() throws Exception {
    OneInputOperator<String, String> upper = new PassThroughOperator();
    try (OneInputOperatorHarness<String, String> harness = new OneInputOperatorHarness<>(upper)) {
      harness.open();
      harness.processElement("x", 7);
      harness.processWatermarkStatus(true);
      assertThat(harness.output().timeline()).containsExactly("record X@7", "idle");
      assertThatThrownBy(harness::stateBackend).hasMessageContaining("not keyed");
    }
  }

  /** Upper-cases records; not keyed. */
  static final class PassThroughOperator extends AbstractOperator<String>
      implements OneInputOperator<String, String> {
    @Override
    public void processElement(String record, long timestamp) {
      output.collect(record.toUpperCase(Locale.ROOT), timestamp);
    }
  }

  /** Emits each left record with the last right record of the same key. */
  static final class LatestRightJoinOperator extends AbstractOperator<String>
      implements TwoInputOperator<String, String, String> {
    private transient KeyedStateAccess<String> state;
    private transient ValueState<String> latestRight;

    @Override
    protected void setup() {
      state = new KeyedStateAccess<>(context.keyedStateBackend(), context.operatorName());
      latestRight = state.getState(new ValueStateDescriptor<>("right", Types.STRING));
    }

    @Override
    public void processElement1(String record, long timestamp) throws Exception {
      state.setCurrentKey(context.<String, String>keySelector(0).getKey(record));
      output.collect(record + "+" + latestRight.value(), timestamp);
    }

    @Override
    public void processElement2(String record, long timestamp) throws Exception {
      state.setCurrentKey(context.<String, String>keySelector(1).getKey(record));
      latestRight.update(record);
    }
  }

  @Test
  void twoInputHarnessKeysBothInputsAndCombinesTheirWatermarks() throws Exception {
    KeySelector<String, String> firstLetter = s -> s.substring(0, 1);
    try (TwoInputOperatorHarness<String, String, String> harness =
        TwoInputOperatorHarness.keyed(new LatestRightJoinOperator(), firstLetter, firstLetter)) {
      harness.open();
      harness.processElement2("a-right", 1);
      harness.processElement1("a-left", 2);
      harness.processElement1("b-left", 3);
      harness.processWatermark1(10);
      harness.processWatermark2(5);
      harness.processWatermark2(20);

      assertThat(harness.values()).containsExactly("a-left+a-right", "b-left+null");
      assertThat(harness.watermarks()).containsExactly(5L, 10L);
      assertThat(harness.stateBackend().entryCount("right")).isEqualTo(1);
    }
  }
}
