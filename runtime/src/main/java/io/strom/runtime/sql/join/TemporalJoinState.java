package io.strom.runtime.sql.join;

import io.strom.api.state.MapState;
import io.strom.api.state.MapStateDescriptor;
import io.strom.api.state.ValueState;
import io.strom.api.state.ValueStateDescriptor;
import io.strom.api.typeinfo.TypeInfo;
import io.strom.api.typeinfo.Types;
import io.strom.data.BinaryRow;
import io.strom.data.Row;
import io.strom.runtime.sql.StateTimeToLive;
import io.strom.runtime.state.KeyedStateAccess;
import io.strom.serde.RowSerializer;
import io.strom.types.RowType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an event-time temporal join keeps for the current join key: the left rows waiting for the
 * watermark, numbered in arrival order (so they come out in that order); the versions of the
 * versioned table by their event time, a version of kind DELETE marking where the previous one
 * ended; and the time of the key's one pending timer. Rows keep their change kind.
 */
final class TemporalJoinState {
  /** Left rows taken out of the buffer, in arrival order, and the earliest time still waiting. */
  record Due(List<Row> rows, Long earliestWaiting) {}

  private final MapState<Long, Row> waiting;
  private final ValueState<Long> nextArrival;
  private final MapState<Long, Row> versions;
  private final ValueState<Long> timer;
  private final RowSerializer leftRows;
  private final RowSerializer rightRows;

  @SuppressWarnings({"unchecked", "rawtypes"})
  TemporalJoinState(
      KeyedStateAccess<BinaryRow> keys, RowType leftType, RowType rightType, long ttlMillis) {
    // As Flink's table.exec.state.ttl does for this join, a key idle for the TTL loses it all.
    this.waiting = keys.getMapState(StateTimeToLive.apply(new MapStateDescriptor<>(
        "temporal-join-left", Types.LONG, (TypeInfo) Types.row(leftType)), ttlMillis));
    // No TTL on the counter: it must outlive the rows it numbers, and is cleared with the last.
    this.nextArrival =
        keys.getState(new ValueStateDescriptor<>("temporal-join-next-arrival", Types.LONG));
    this.versions = keys.getMapState(StateTimeToLive.apply(new MapStateDescriptor<>(
        "temporal-join-versions", Types.LONG, (TypeInfo) Types.row(rightType)), ttlMillis));
    this.timer = keys.getState(new ValueStateDescriptor<>("temporal-join-timer", Types.LONG));
    this.leftRows = new RowSerializer(leftType);
    this.rightRows = new RowSerializer(rightType);
  }

  /** Buffers a left row after the ones already waiting. */
  void addWaiting(Row left) {
    Long next = nextArrival.value();
    long number = next == null ? 0 : next;
    waiting.put(number, owned(leftRows, left));
    nextArrival.update(number + 1);
  }

  /** Takes the waiting rows whose time is at most {@code time} out of the buffer. */
  Due takeWaitingUpTo(long time, RowTimeField leftTime) {
    TreeMap<Long, Row> due = new TreeMap<>();
    Long earliest = null;
    for (Map.Entry<Long, Row> entry : waiting.entries()) {
      long rowTime = leftTime.millisOf(entry.getValue());
      if (rowTime <= time) {
        due.put(entry.getKey(), entry.getValue());
      } else if (earliest == null || rowTime < earliest) {
        earliest = rowTime;
      }
    }
    for (Long number : due.keySet()) {
      waiting.remove(number);
    }
    if (earliest == null) {
      // Nothing waits: numbering can start over.
      nextArrival.clear();
    }
    return new Due(new ArrayList<>(due.values()), earliest);
  }

  /** Records a version (or, for a DELETE, the end of one) at {@code time}, replacing any there. */
  void putVersion(long time, Row right) {
    versions.put(time, owned(rightRows, right));
  }

  /** The versions by time, oldest first. */
  TreeMap<Long, Row> versions() {
    TreeMap<Long, Row> sorted = new TreeMap<>();
    for (Map.Entry<Long, Row> entry : versions.entries()) {
      sorted.put(entry.getKey(), entry.getValue());
    }
    return sorted;
  }

  void removeVersion(long time) {
    versions.remove(time);
  }

  /** The time of the key's pending timer, or null when none is pending. */
  Long timer() {
    return timer.value();
  }

  void setTimer(long time) {
    timer.update(time);
  }

  void clearTimer() {
    timer.clear();
  }

  /** A binary copy of {@code row} that the state owns, of the same change kind. */
  private static BinaryRow owned(RowSerializer serializer, Row row) {
    BinaryRow copy = serializer.toBinary(row).copy();
    copy.setKind(row.kind());
    return copy;
  }
}
