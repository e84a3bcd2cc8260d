package io.strom.runtime.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.runtime.state.KeyGroupRange;
import io.strom.runtime.state.KeyGroups;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The frozen timers of a heap queue: a view of the moment of the freeze, by key group. */
class HeapTimerQueueTest {
  private static final int MAX_PARALLELISM = 16;
  private static final KeyGroupRange RANGE = new KeyGroupRange(4, 11);

  private final HeapTimerQueue<Long, String> queue =
      new HeapTimerQueue<>("timers", RANGE, MAX_PARALLELISM);

  /** Keys of this subtask's key groups, in ascending order. */
  private static List<Long> keysInRange(int count) {
    List<Long> keys = new ArrayList<>();
    for (long key = 0; keys.size() < count; key++) {
      if (RANGE.contains(KeyGroups.keyGroupOf(key, MAX_PARALLELISM))) {
        keys.add(key);
      }
    }
    return keys;
  }

  private static Set<String> timersOf(FrozenTimers<Long, String> frozen, int keyGroup) {
    Set<String> timers = new HashSet<>();
    frozen.forEachInKeyGroup(
        keyGroup, t -> timers.add(t.key() + "/" + t.namespace() + "@" + t.time()));
    return timers;
  }

  private Set<String> liveTimersOf(int keyGroup) {
    Set<String> timers = new HashSet<>();
    queue.forEachInKeyGroup(
        keyGroup, t -> timers.add(t.key() + "/" + t.namespace() + "@" + t.time()));
    return timers;
  }

  @Test
  void timersAddedOrRemovedAfterTheFreezeDoNotChangeTheFrozenView() {
    List<Long> keys = keysInRange(200);
    for (long key : keys.subList(0, 100)) {
      queue.add(key, "w", 1_000 + key);
      queue.add(key, "v", 2_000 + key);
    }
    List<Set<String>> before = new ArrayList<>();
    for (int kg = RANGE.first(); kg <= RANGE.last(); kg++) {
      before.add(liveTimersOf(kg));
    }

    FrozenTimers<Long, String> frozen = queue.freeze(RANGE);
    for (long key : keys.subList(100, 200)) {
      queue.add(key, "w", 1_000 + key);
    }
    for (long key : keys.subList(0, 50)) {
      queue.remove(key, "w", 1_000 + key);
    }
    while (queue.size() > 150) {
      queue.poll();
    }
    queue.add(keys.get(0), "w", 1_000 + keys.get(0));

    Set<String> allFrozen = new HashSet<>();
    Set<String> allLive = new HashSet<>();
    for (int kg = RANGE.first(); kg <= RANGE.last(); kg++) {
      Set<String> frozenNow = timersOf(frozen, kg);
      assertThat(frozenNow).as("key group %d", kg).isEqualTo(before.get(kg - RANGE.first()));
      allFrozen.addAll(frozenNow);
      allLive.addAll(liveTimersOf(kg));
    }
    assertThat(allFrozen).hasSize(200);
    // The live queue did change: 100 added, 50 removed, the earliest polled, one added again.
    assertThat(allLive).hasSize(151).isNotEqualTo(allFrozen);
    frozen.close();
  }

  @Test
  void frozenViewRejectsKeyGroupsOutsideItsRangeAndReadsAfterClose() {
    queue.add(keysInRange(1).get(0), "w", 5);
    FrozenTimers<Long, String> frozen = queue.freeze(RANGE);
    assertThatThrownBy(() -> frozen.forEachInKeyGroup(RANGE.last() + 1, t -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outside [4, 11]");
    frozen.close();
    frozen.close();
    assertThatThrownBy(() -> frozen.forEachInKeyGroup(RANGE.first(), t -> {}))
        .hasMessageContaining("released (checkpoint canceled)");
  }
}
