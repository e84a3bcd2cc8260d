package io.strom.tests.recovery;

import io.strom.runtime.tasks.FaultPoints;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The kills of one run, drawn from a seed: tasks fail at random row counts (through {@link
 * KillAtRowFunction}), once while a checkpoint's state is uploading, and once between a
 * checkpoint's acknowledgement and its completion notice (through {@link FaultPoints}). Static,
 * because the function's copies and the fault points live in the tasks of this JVM.
 */
final class KillSchedule {
  private static volatile KillSchedule current;

  private final long seed;
  /** Row counts, increasing and at least a gap apart, at which the next row kills its task. */
  private final long[] rowKills;
  private final AtomicInteger nextRowKill = new AtomicInteger();
  private final AtomicLong rows = new AtomicLong();
  private final int uploadHit;
  private final int noticeHit;
  private final AtomicInteger uploads = new AtomicInteger();
  private final AtomicInteger notices = new AtomicInteger();
  private final List<String> fired = Collections.synchronizedList(new ArrayList<>());

  private KillSchedule(long seed, long[] rowKills, int uploadHit, int noticeHit) {
    this.seed = seed;
    this.rowKills = rowKills;
    this.uploadHit = uploadHit;
    this.noticeHit = noticeHit;
  }

  /**
   * Arms {@code rowKillCount} kills at rows counted in {@code [from, to)} — one in each of as many
   * equal stretches, so that a restart happens between two of them — and, {@code atFaultPoints},
   * one kill at each fault point, at its 3rd to 12th visit.
   */
  static KillSchedule arm(long seed, long from, long to, int rowKillCount, boolean atFaultPoints) {
    SplittableRandom random = new SplittableRandom(seed);
    long stretch = (to - from) / rowKillCount;
    long[] rowKills = new long[rowKillCount];
    for (int i = 0; i < rowKillCount; i++) {
      // Within the middle of each stretch: kills at least half a stretch apart.
      rowKills[i] =
          from + i * stretch + stretch / 4 + (stretch > 1 ? random.nextLong(stretch / 2) : 0);
    }
    KillSchedule schedule =
        new KillSchedule(seed, rowKills, 3 + random.nextInt(10), 3 + random.nextInt(10));
    current = schedule;
    if (atFaultPoints) {
      FaultPoints.arm(schedule::firesAt);
    } else {
      FaultPoints.disarm();
    }
    return schedule;
  }

  static void disarm() {
    FaultPoints.disarm();
    current = null;
  }

  /** Counts a row; kills its task when the count reaches the next row kill. */
  static void onRow() {
    KillSchedule schedule = current;
    if (schedule != null) {
      schedule.countRow();
    }
  }

  private void countRow() {
    long n = rows.incrementAndGet();
    int i = nextRowKill.get();
    if (i < rowKills.length && n >= rowKills[i] && nextRowKill.compareAndSet(i, i + 1)) {
      fired.add("row " + n);
      throw new IllegalStateException("Injected failure at row " + n + " (seed " + seed + ")");
    }
  }

  private boolean firesAt(String point, String task, long checkpointId) {
    AtomicInteger visits = point.equals(FaultPoints.CHECKPOINT_UPLOAD) ? uploads : notices;
    int hit = point.equals(FaultPoints.CHECKPOINT_UPLOAD) ? uploadHit : noticeHit;
    if (visits.incrementAndGet() == hit) {
      fired.add(point + " of checkpoint " + checkpointId + " in " + task);
      return true;
    }
    return false;
  }

  /** The kills that happened, in order. */
  List<String> fired() {
    return List.copyOf(fired);
  }

  @Override
  public String toString() {
    return "kills from seed " + seed + ": " + fired();
  }
}
