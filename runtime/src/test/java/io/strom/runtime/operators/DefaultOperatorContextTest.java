package io.strom.runtime.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.api.functions.KeySelector;
import io.strom.runtime.metrics.MetricRegistry;
import io.strom.runtime.state.KeyGroupRange;
import io.strom.runtime.state.KeyGroups;
import io.strom.runtime.state.heap.HeapKeyedStateBackend;
import io.strom.runtime.testutils.CollectingOutput;
import io.strom.runtime.testutils.ManualProcessingTimeService;
import io.strom.runtime.time.InternalTimerService;
import io.strom.runtime.time.TimerServiceManager;
import io.strom.runtime.time.Triggerable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests of the operator context: identity, keyed delegation and its checks. */
class DefaultOperatorContextTest {
  private final ManualProcessingTimeService processingTime = new ManualProcessingTimeService();
  private final MetricRegistry registry = new MetricRegistry();

  private DefaultOperatorContext.Builder<String> builder(String name) {
    return DefaultOperatorContext.<String>builder(name, 1, 2, 8)
        .output(new CollectingOutput<>())
        .processingTimeService(processingTime)
        .metrics(registry.group(MetricRegistry.scope(name, 1)));
  }

  @Test
  void keyedOnlyMethodsOfANonKeyedOperatorFailNamingTheOperator() throws Exception {
    DefaultOperatorContext<String> context = builder("Map").build();

    assertThat(context.isKeyed()).isFalse();
    assertThatThrownBy(context::keyedStateBackend)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'Map'")
        .hasMessageContaining("keyed state");
    assertThatThrownBy(() -> context.keySelector(0)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> context.timerService("t", null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("timers");
    context.advanceWatermark(100);
  }

  @Test
  void exposesItsIdentityAndParts() {
    DefaultOperatorContext<String> context = builder("Window(count)").build();
    context.metrics().counter("n").inc();

    assertThat(context.operatorName()).isEqualTo("Window(count)");
    assertThat(context.subtaskIndex()).isEqualTo(1);
    assertThat(context.parallelism()).isEqualTo(2);
    assertThat(context.maxParallelism()).isEqualTo(8);
    assertThat(context.processingTimeService()).isSameAs(processingTime);
    assertThat(context.jobConfiguration().toMap()).isEmpty();
    assertThat(context.userCodeClassLoader()).isNotNull();
    assertThat(registry.snapshot()).containsEntry("Window(count)[1].n", 1L);
  }

  @Test
  void keyedContextDelegatesStateTimersAndWatermarks() throws Exception {
    KeyGroupRange range = new KeyGroupRange(4, 7);
    HeapKeyedStateBackend<Integer> backend = new HeapKeyedStateBackend<>(range, 8, () -> 0L);
    TimerServiceManager<Integer> timers = new TimerServiceManager<>(range, 8, processingTime);
    KeySelector<String, Integer> selector = String::length;
    DefaultOperatorContext<String> context =
        builder("Agg").keyed(backend, timers, List.of(selector)).build();
    List<Long> fired = new ArrayList<>();
    Triggerable<Integer, String> target =
        new Triggerable<>() {
          @Override
          public void onEventTime(Integer key, String namespace, long time) {
            fired.add(time);
          }

          @Override
          public void onProcessingTime(Integer key, String namespace, long time) {}
        };
    InternalTimerService<Integer, String> service = context.timerService("t", target);
    int keyInRange = findKeyIn(range);
    service.registerEventTimeTimer(keyInRange, "w", 5);

    context.advanceWatermark(10);

    assertThat(context.isKeyed()).isTrue();
    assertThat(context.<String, Integer>keySelector(0)).isSameAs(selector);
    assertThat(context.<Integer>keyedStateBackend()).isSameAs(backend);
    assertThat(fired).containsExactly(5L);
    assertThat(service.currentWatermark()).isEqualTo(10);
    assertThatThrownBy(() -> context.keySelector(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("input 1");
  }

  @Test
  void rejectsKeyedPartsOverDifferentKeyGroups() {
    HeapKeyedStateBackend<Integer> backend =
        new HeapKeyedStateBackend<>(new KeyGroupRange(0, 3), 8, () -> 0L);
    TimerServiceManager<Integer> timers =
        new TimerServiceManager<>(new KeyGroupRange(4, 7), 8, processingTime);
    KeySelector<String, Integer> selector = String::length;

    assertThatThrownBy(() -> builder("Agg").keyed(backend, timers, List.of(selector)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("same key groups");
  }

  @Test
  void rejectsASubtaskIndexOutsideTheParallelism() {
    assertThatThrownBy(() -> DefaultOperatorContext.builder("Map", 2, 2, 8))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Subtask index 2");
  }

  @Test
  void requiresAnOutput() {
    assertThatThrownBy(
            () ->
                DefaultOperatorContext.<String>builder("Map", 0, 1, 8)
                    .processingTimeService(processingTime)
                    .metrics(registry.group("Map[0]"))
                    .build())
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("output");
  }

  private static int findKeyIn(KeyGroupRange range) {
    for (int key = 0; ; key++) {
      if (range.contains(KeyGroups.keyGroupOf(key, 8))) {
        return key;
      }
    }
  }
}
