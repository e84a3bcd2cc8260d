package io.strom.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Tests of scoped metrics, snapshots and sums. */
class MetricRegistryTest {
  private final MetricRegistry registry = new MetricRegistry();

  @Test
  void snapshotKeysCountersAndGaugesByScopeAndName() {
    MetricGroup group = registry.group(MetricRegistry.scope("Window(count)", 2));
    group.counter("numRecordsIn").inc(3);
    AtomicLong size = new AtomicLong(42);
    group.gauge("stateEntries", size::get);

    assertThat(registry.snapshot())
        .containsEntry("Window(count)[2].numRecordsIn", 3L)
        .containsEntry("Window(count)[2].stateEntries", 42L);
    size.set(7);
    assertThat(registry.value("Window(count)[2]", "stateEntries")).isEqualTo(7L);
    assertThat(registry.value("Window(count)[2]", "absent")).isNull();
  }

  @Test
  void groupsOfTheSameScopeShareCounters() {
    registry.group("Map[0]").counter("n").inc();
    registry.group("Map[0]").counter("n").inc();
    assertThat(registry.value("Map[0]", "n")).isEqualTo(2L);
  }

  @Test
  void sumsAMetricOverSubtasksOfOneOperatorOrOfAll() {
    registry.group("Window[0]").counter("numLateRecordsDropped").inc(2);
    registry.group("Window[1]").counter("numLateRecordsDropped").inc(3);
    registry.group("Window[10]").counter("numLateRecordsDropped").inc(5);
    registry.group("Other[0]").counter("numLateRecordsDropped").inc(100);
    registry.group("Window[0]").counter("numRecordsIn").inc(1000);

    assertThat(registry.sum("Window", "numLateRecordsDropped")).isEqualTo(10);
    assertThat(registry.sum("numLateRecordsDropped")).isEqualTo(110);
    assertThat(registry.sum("Missing", "numLateRecordsDropped")).isZero();
  }

  @Test
  void aFailingGaugeIsLeftOutWithoutHidingOthers() {
    MetricGroup group = registry.group("Op[0]");
    group.gauge(
        "broken",
        () -> {
          throw new IllegalStateException("closed");
        });
    group.counter("ok").inc();

    assertThat(registry.snapshot()).containsOnlyKeys("Op[0].ok");
  }

  @Test
  void oneNameCannotBeBothCounterAndGauge() {
    MetricGroup group = registry.group("Op[0]");
    group.counter("x");
    assertThatThrownBy(() -> group.gauge("x", () -> 1L))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Op[0].x");
  }

  @Test
  void countsFromManyThreadsAreAllSeen() throws Exception {
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      MetricGroup group = registry.group(MetricRegistry.scope("Op", t));
      threads.add(
          new Thread(
              () -> {
                for (int i = 0; i < 10_000; i++) {
                  group.counter("n").inc();
                }
              }));
    }
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(registry.sum("Op", "n")).isEqualTo(40_000);
  }
}
