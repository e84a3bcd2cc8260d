package io.strom.runtime.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.runtime.state.KeyGroupRange;
import io.strom.runtime.state.KeyGroups;
import io.strom.runtime.state.rocksdb.RocksDbKeyedStateBackend;
import io.strom.runtime.testutils.ManualProcessingTimeService;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tests of timer ordering, deduplication, deletion and firing; with timers on the heap and in
 * RocksDB.
 */
@ParameterizedClass
@ValueSource(strings = {"heap", "rocksdb"})
class TimerServiceManagerTest {
  private static final int MAX_PARALLELISM = 128;

  private final ManualProcessingTimeService clock = new ManualProcessingTimeService();
  private final RocksDbKeyedStateBackend<String> rocksDb;
  private final TimerServiceManager<String> manager;
  private final List<String> fired = new ArrayList<>();

  TimerServiceManagerTest(String store, @TempDir Path directory) throws IOException {
    KeyGroupRange all = new KeyGroupRange(0, MAX_PARALLELISM - 1);
    rocksDb =
        store.equals("rocksdb")
            ? new RocksDbKeyedStateBackend<>(
                all, MAX_PARALLELISM, () -> 0L, directory.resolve("db"), null)
            : null;
    manager =
        new TimerServiceManager<>(
            all, MAX_PARALLELISM, clock,
            rocksDb == null ? TimerQueueFactory.HEAP : rocksDb.timerQueues());
  }

  @AfterEach
  void closeDatabase() throws Exception {
    if (rocksDb != null) {
      rocksDb.close();
    }
  }

  /** Records firings as "event|processing key/namespace@time" and can run an extra action. */
  private class Recorder implements Triggerable<String, Long> {
    private final String prefix;
    Runnable onFire = () -> {};

    Recorder(String prefix) {
      this.prefix = prefix;
    }

    @Override
    public void onEventTime(String key, Long namespace, long time) {
      fired.add(prefix + "event " + key + "/" + namespace + "@" + time);
      onFire.run();
    }

    @Override
    public void onProcessingTime(String key, Long namespace, long time) {
      fired.add(prefix + "proc " + key + "/" + namespace + "@" + time);
      onFire.run();
    }
  }

  @Test
  void eventTimersFireInTimeOrderUpToTheWatermark() throws Exception {
    InternalTimerService<String, Long> timers = manager.getTimerService("t", new Recorder(""));
    timers.registerEventTimeTimer("a", 1L, 30);
    timers.registerEventTimeTimer("b", 1L, 10);
    timers.registerEventTimeTimer("a", 2L, 20);
    timers.registerEventTimeTimer("c", 1L, 40);

    manager.advanceWatermark(30);

    assertThat(fired).containsExactly("event b/1@10", "event a/2@20", "event a/1@30");
    assertThat(manager.numEventTimeTimers()).isEqualTo(1);
    manager.advanceWatermark(Watermarks.END);
    assertThat(fired).endsWith("event c/1@40");
  }

  @Test
  void registeringTheSameTimerTwiceMakesOneTimer() throws Exception {
    InternalTimerService<String, Long> timers = manager.getTimerService("t", new Recorder(""));
    timers.registerEventTimeTimer("a", 1L, 10);
    timers.registerEventTimeTimer("a", 1L, 10);
    timers.registerEventTimeTimer("a", 2L, 10);

    assertThat(manager.numEventTimeTimers()).isEqualTo(2);
    manager.advanceWatermark(10);
    assertThat(fired).containsExactly("event a/1@10", "event a/2@10");
  }

  @Test
  void deletedTimersDoNotFire() throws Exception {
    InternalTimerService<String, Long> timers = manager.getTimerService("t", new Recorder(""));
    for (long t = 1; t <= 20; t++) {
      timers.registerEventTimeTimer("k" + t, 0L, t);
    }
    for (long t = 1; t <= 20; t += 2) {
      timers.deleteEventTimeTimer("k" + t, 0L, t);
    }
    timers.deleteEventTimeTimer("absent", 0L, 5);

    manager.advanceWatermark(100);

    List<Integer> times = fired.stream().map(s -> Integer.parseInt(s.split("@")[1])).toList();
    assertThat(times).containsExactly(2, 4, 6, 8, 10, 12, 14, 16, 18, 20);
  }

  @Test
  void timerRegisteredWhileFiringFiresInTheSameAdvanceWhenDue() throws Exception {
    Recorder recorder = new Recorder("");
    InternalTimerService<String, Long> timers = manager.getTimerService("t", recorder);
    recorder.onFire =
        () -> {
          if (fired.size() == 1) {
            timers.registerEventTimeTimer("a", 2L, 15);
            timers.registerEventTimeTimer("a", 3L, 50);
          }
        };
    timers.registerEventTimeTimer("a", 1L, 10);
    timers.registerEventTimeTimer("b", 1L, 20);

    manager.advanceWatermark(20);

    assertThat(fired).containsExactly("event a/1@10", "event a/2@15", "event b/1@20");
    assertThat(manager.numEventTimeTimers()).isEqualTo(1);
  }

  @Test
  void timersOfSeveralServicesFireInOneTimeOrder() throws Exception {
    InternalTimerService<String, Long> first = manager.getTimerService("first", new Recorder("1:"));
    InternalTimerService<String, Long> second =
        manager.getTimerService("second", new Recorder("2:"));
    first.registerEventTimeTimer("a", 0L, 30);
    second.registerEventTimeTimer("a", 0L, 20);
    first.registerEventTimeTimer("a", 0L, 10);

    manager.advanceWatermark(40);

    assertThat(fired).containsExactly("1:event a/0@10", "2:event a/0@20", "1:event a/0@30");
  }

  @Test
  void currentWatermarkIsTheLastAdvanceAlsoInsideCallbacks() throws Exception {
    Recorder recorder = new Recorder("");
    InternalTimerService<String, Long> timers = manager.getTimerService("t", recorder);
    List<Long> seen = new ArrayList<>();
    recorder.onFire = () -> seen.add(timers.currentWatermark());
    assertThat(timers.currentWatermark()).isEqualTo(Watermarks.NONE);
    timers.registerEventTimeTimer("a", 0L, 5);

    manager.advanceWatermark(7);

    assertThat(seen).containsExactly(7L);
    assertThat(manager.currentWatermark()).isEqualTo(7);
  }

  @Test
  void sameNameReturnsTheSameServiceAndRejectsAnotherTarget() {
    Recorder recorder = new Recorder("");
    InternalTimerService<String, Long> timers = manager.getTimerService("t", recorder);
    assertThat(manager.getTimerService("t", recorder)).isSameAs(timers);
    assertThatThrownBy(() -> manager.getTimerService("t", new Recorder("other")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'t'");
  }

  @Test
  void processingTimersFireThroughTheServiceWithOnlyTheEarliestScheduled() throws Exception {
    InternalTimerService<String, Long> timers = manager.getTimerService("t", new Recorder(""));
    timers.registerProcessingTimeTimer("a", 0L, 30);
    timers.registerProcessingTimeTimer("b", 0L, 10);
    timers.registerProcessingTimeTimer("c", 0L, 20);
    timers.registerProcessingTimeTimer("c", 0L, 20);

    assertThat(clock.numScheduled()).isEqualTo(1);
    assertThat(clock.nextScheduledTime()).isEqualTo(10);

    clock.advanceTo(15);
    assertThat(fired).containsExactly("proc b/0@10");
    assertThat(clock.nextScheduledTime()).isEqualTo(20);

    clock.advanceTo(100);
    assertThat(fired).containsExactly("proc b/0@10", "proc c/0@20", "proc a/0@30");
    assertThat(clock.numScheduled()).isZero();
    assertThat(timers.currentProcessingTime()).isEqualTo(100);
  }

  @Test
  void deletedProcessingTimerDoesNotFire() throws Exception {
    InternalTimerService<String, Long> timers = manager.getTimerService("t", new Recorder(""));
    timers.registerProcessingTimeTimer("a", 0L, 10);
    timers.registerProcessingTimeTimer("b", 0L, 20);
    timers.deleteProcessingTimeTimer("a", 0L, 10);

    clock.advanceTo(50);

    assertThat(fired).containsExactly("proc b/0@20");
  }

  @Test
  void processingTimerRegisteredWhileFiringFiresWhenDue() throws Exception {
    Recorder recorder = new Recorder("");
    InternalTimerService<String, Long> timers = manager.getTimerService("t", recorder);
    recorder.onFire =
        () -> {
          if (fired.size() == 1) {
            timers.registerProcessingTimeTimer("a", 1L, 5);
            timers.registerProcessingTimeTimer("a", 2L, 80);
          }
        };
    timers.registerProcessingTimeTimer("a", 0L, 10);

    clock.advanceTo(50);
    assertThat(fired).containsExactly("proc a/0@10", "proc a/1@5");
    assertThat(clock.nextScheduledTime()).isEqualTo(80);

    clock.advanceTo(80);
    assertThat(fired).endsWith("proc a/2@80");
  }

  @Test
  void closingWithdrawsTheScheduledCallback() throws Exception {
    InternalTimerService<String, Long> timers = manager.getTimerService("t", new Recorder(""));
    timers.registerProcessingTimeTimer("a", 0L, 10);
    manager.close();

    clock.advanceTo(20);

    assertThat(fired).isEmpty();
  }

  @Test
  void timerForAKeyOutsideTheKeyGroupRangeFailsFastAsABug() {
    int keyGroup = KeyGroups.keyGroupOf("a", MAX_PARALLELISM);
    KeyGroupRange elsewhere =
        keyGroup == 0 ? new KeyGroupRange(1, MAX_PARALLELISM - 1) : new KeyGroupRange(0, 0);
    TimerServiceManager<String> narrow =
        new TimerServiceManager<>(elsewhere, MAX_PARALLELISM, clock);
    InternalTimerService<String, Long> timers = narrow.getTimerService("t", new Recorder(""));

    assertThatThrownBy(() -> timers.registerEventTimeTimer("a", 0L, 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Bug")
        .hasMessageContaining("key group " + keyGroup);
  }

  @Test
  void timersAreVisitedInTheirKeyGroup() {
    InternalTimerService<String, Long> timers = manager.getTimerService("t", new Recorder(""));
    for (int i = 0; i < 300; i++) {
      timers.registerEventTimeTimer("k" + i, 0L, i);
    }
    List<String> visited = new ArrayList<>();
    for (int group = 0; group < MAX_PARALLELISM; group++) {
      int expected = group;
      manager.forEachTimer(
          "t",
          group,
          true,
          timer -> {
            assertThat(KeyGroups.keyGroupOf(timer.key(), MAX_PARALLELISM)).isEqualTo(expected);
            visited.add(timer.key());
          });
    }
    assertThat(visited).hasSize(300).doesNotHaveDuplicates();
  }

  @Test
  void manyTimersOfOneKeyFireInOrderWhileMoreAreAddedAndDeleted() throws Exception {
    // Far more timers in one key group than RocksDB's queue caches on the heap.
    List<Long> times = new ArrayList<>();
    InternalTimerService<String, Long> timers =
        manager.getTimerService("t", new Triggerable<String, Long>() {
          @Override
          public void onEventTime(String key, Long namespace, long time) {
            times.add(time);
          }

          @Override
          public void onProcessingTime(String key, Long namespace, long time) {}
        });
    Random random = new Random(11);
    List<Long> expected = new ArrayList<>();
    for (long t = 0; t < 2_000; t++) {
      long time = random.nextInt(100_000);
      if (!expected.contains(time)) {
        timers.registerEventTimeTimer("a", 0L, time);
        expected.add(time);
      }
    }
    for (int i = 0; i < expected.size(); i += 3) {
      timers.deleteEventTimeTimer("a", 0L, expected.get(i));
      expected.set(i, -1L);
    }
    expected.removeIf(t -> t < 0);
    manager.advanceWatermark(50_000);
    for (long t = 50_001; t < 50_100; t++) {
      if (!expected.contains(t)) {
        timers.registerEventTimeTimer("a", 0L, t);
        expected.add(t);
      }
    }
    manager.advanceWatermark(Watermarks.END);

    assertThat(times).isEqualTo(expected.stream().sorted().toList());
    assertThat(manager.numEventTimeTimers()).isZero();
  }

  @Test
  void manyRandomTimersFireSortedAfterRandomDeletes() throws Exception {
    InternalTimerService<String, Long> timers = manager.getTimerService("t", new Recorder(""));
    Random random = new Random(7);
    List<Long> expected = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      long time = random.nextInt(1_000_000);
      timers.registerEventTimeTimer("k" + i, 0L, time);
      if (i % 3 == 0) {
        timers.deleteEventTimeTimer("k" + i, 0L, time);
      } else {
        expected.add(time);
      }
    }
    expected.sort(null);

    manager.advanceWatermark(Watermarks.END);

    List<Long> times = fired.stream().map(s -> Long.parseLong(s.split("@")[1])).toList();
    assertThat(times).isEqualTo(expected);
  }
}
