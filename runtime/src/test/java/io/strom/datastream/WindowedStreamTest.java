package io.strom.datastream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.api.OutputTag;
import io.strom.datastream.windowing.assigners.EventTimeSessionWindows;
import io.strom.datastream.windowing.assigners.TumblingEventTimeWindows;
import io.strom.datastream.windowing.triggers.CountTrigger;
import io.strom.datastream.windowing.triggers.PurgingTrigger;
import io.strom.datastream.windowing.triggers.Trigger;
import io.strom.datastream.windowing.triggers.TriggerResult;
import io.strom.datastream.windowing.windows.TimeWindow;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Building window operators through the {@link WindowedStream} API, without running them. */
class WindowedStreamTest {

  private static String nameOf(SingleOutputStreamOperator<?> stream) {
    return stream.env.node(stream.inputs.get(0).nodeId()).name();
  }

  @Test
  void namesTheOperatorAfterAssignerTriggerAndFunction() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    SingleOutputStreamOperator<Long> counts =
        env.fromElements(1L, 2L)
            .keyBy(x -> x % 2)
            .window(TumblingEventTimeWindows.of(Duration.ofSeconds(5)))
            .reduce(Long::sum);
    assertThat(nameOf(counts))
        .isEqualTo("Window(TumblingEventTimeWindows(5000), EventTimeTrigger, reduce)");

    SingleOutputStreamOperator<Long> purged =
        env.fromElements(1L, 2L)
            .keyBy(x -> x % 2)
            .window(TumblingEventTimeWindows.of(Duration.ofSeconds(5)))
            .trigger(PurgingTrigger.of(CountTrigger.of(2)))
            .allowedLateness(Duration.ofSeconds(1))
            .sideOutputLateData(new OutputTag<>("late"))
            .reduce(Long::sum);
    assertThat(nameOf(purged))
        .isEqualTo(
            "Window(TumblingEventTimeWindows(5000), PurgingTrigger(CountTrigger(2)), reduce)");
  }

  @Test
  void rejectsNegativeAllowedLateness() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    WindowedStream<Long, Long, TimeWindow> windowed =
        env.fromElements(1L)
            .keyBy(x -> x)
            .window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)));
    assertThatThrownBy(() -> windowed.allowedLateness(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("negative");
  }

  @Test
  void rejectsSessionWindowsWithATriggerThatCannotMergeWhenTheProgramIsBuilt() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    Trigger<Object, TimeWindow> fireAlways =
        new Trigger<>() {
          @Override
          public TriggerResult onElement(Object e, long ts, TimeWindow w, TriggerContext ctx) {
            return TriggerResult.FIRE;
          }

          @Override
          public TriggerResult onEventTime(long time, TimeWindow w, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
          }

          @Override
          public TriggerResult onProcessingTime(long time, TimeWindow w, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
          }

          @Override
          public void clear(TimeWindow w, TriggerContext ctx) {}
        };
    WindowedStream<Long, Long, TimeWindow> sessions =
        env.fromElements(1L)
            .keyBy(x -> x)
            .window(EventTimeSessionWindows.withGap(Duration.ofSeconds(1)))
            .trigger(fireAlways);
    assertThatThrownBy(() -> sessions.reduce(Long::sum))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot merge");
  }
}
