package io.strom.runtime.sql.join;

import io.strom.api.state.MapState;
import io.strom.api.state.MapStateDescriptor;
import io.strom.api.state.ValueState;
import io.strom.api.state.ValueStateDescriptor;
import io.strom.api.typeinfo.TypeInfo;
import io.strom.api.typeinfo.Types;
import io.strom.data.BinaryRow;
import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.data.RowKind;
import io.strom.runtime.state.KeyedStateAccess;
import io.strom.serde.RowSerializer;
import io.strom.types.DataTypes;
import io.strom.types.LocalZonedTimestampType;
import io.strom.types.LogicalType;
import io.strom.types.RowType;
import io.strom.types.TimestampType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rows one side of an interval join holds for the current key until time passes their bound:
 * each distinct row with how many copies of it arrived and how many of those have not been joined
 * yet (an outer side pads those with NULLs when they leave), plus the time of the side's one
 * pending clean-up timer.
 */
final class IntervalJoinBuffer {
  private static final RowType COUNTS =
      DataTypes.ROW(
          DataTypes.FIELD("copies", DataTypes.BIGINT().copy(false)),
          DataTypes.FIELD("unmatched", DataTypes.BIGINT().copy(false)));

  /** A held row: its event time in milliseconds, its copies and its copies never joined. */
  record Held(BinaryRow row, long time, long copies, long unmatched) {}

  private final MapState<BinaryRow, Row> rows;
  private final ValueState<Long> cleanUpAt;
  private final RowSerializer serializer;
  private final int timeIndex;
  private final int timePrecision;

  @SuppressWarnings({"unchecked", "rawtypes"})
  IntervalJoinBuffer(KeyedStateAccess<BinaryRow> keys, String name, RowType rowType, int timeIndex) {
    this.rows = keys.getMapState(
        new MapStateDescriptor<>(name + "-rows", (TypeInfo) Types.row(rowType), Types.row(COUNTS)));
    this.cleanUpAt = keys.getState(new ValueStateDescriptor<>(name + "-clean-up", Types.LONG));
    this.serializer = new RowSerializer(rowType);
    this.timeIndex = timeIndex;
    this.timePrecision = precision(rowType.typeAt(timeIndex));
  }

  /** The event time of {@code row} in milliseconds, or null when its time attribute is NULL. */
  Long timeOf(Row row) {
    return row.isNullAt(timeIndex) ? null : row.getTimestamp(timeIndex, timePrecision).millisecond();
  }

  /** All rows held for the current key. */
  List<Held> all() {
    List<Held> all = new ArrayList<>();
    for (Map.Entry<BinaryRow, Row> entry : rows.entries()) {
      BinaryRow row = entry.getKey();
      all.add(new Held(row, timeOf(row), entry.getValue().getLong(0), entry.getValue().getLong(1)));
    }
    return all;
  }

  /** Holds one more copy of {@code row}, counted as unmatched unless it was joined on arrival. */
  void add(Row row, boolean matched) {
    BinaryRow held = serializer.toBinary(row).copy();
    held.setKind(RowKind.INSERT);
    Row counts = rows.get(held);
    long copies = counts == null ? 1 : counts.getLong(0) + 1;
    long unmatched = (counts == null ? 0 : counts.getLong(1)) + (matched ? 0 : 1);
    put(held, copies, unmatched);
  }

  /** Marks every copy of a held row as joined. */
  void markMatched(Held held) {
    if (held.unmatched() > 0) {
      put(held.row(), held.copies(), 0);
    }
  }

  void remove(Held held) {
    rows.remove(held.row());
  }

  /** The pending clean-up timer's time, or null when none is pending. */
  Long cleanUpAt() {
    return cleanUpAt.value();
  }

  void setCleanUpAt(long time) {
    cleanUpAt.update(time);
  }

  /** Forgets the pending timer and every row (called when the last row left). */
  void clear() {
    cleanUpAt.clear();
    rows.clear();
  }

  private void put(BinaryRow row, long copies, long unmatched) {
    GenericRow counts = new GenericRow(2);
    counts.setLong(0, copies);
    counts.setLong(1, unmatched);
    rows.put(row, counts);
  }

  private static int precision(LogicalType type) {
    if (type instanceof TimestampType t) {
      return t.precision();
    }
    if (type instanceof LocalZonedTimestampType t) {
      return t.precision();
    }
    throw new IllegalArgumentException("An interval join's time column must be a timestamp, got " + type);
  }
}
