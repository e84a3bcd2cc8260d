package io.strom.runtime.sql.join;

import io.strom.api.state.MapState;
import io.strom.api.state.MapStateDescriptor;
import io.strom.api.typeinfo.TypeInfo;
import io.strom.api.typeinfo.Types;
import io.strom.data.BinaryRow;
import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.data.RowKind;
import io.strom.runtime.state.KeyedStateAccess;
import io.strom.serde.RowSerializer;
import io.strom.types.DataTypes;
import io.strom.types.RowType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rows one side of a join holds for the current key: each distinct row with how many copies
 * of it are held and, for the outer side of an outer join, how many rows of the other side it
 * matches (a row matching none is emitted padded with NULLs).
 */
final class JoinSideState {
  private static final RowType COUNTS =
      DataTypes.ROW(
          DataTypes.FIELD("copies", DataTypes.BIGINT().copy(false)),
          DataTypes.FIELD("matches", DataTypes.BIGINT().copy(false)));

  /** A held row, its copies and matches. */
  record Held(BinaryRow row, long copies, long matches) {}

  private final MapState<BinaryRow, Row> rows;
  private final RowSerializer serializer;

  @SuppressWarnings({"unchecked", "rawtypes"})
  JoinSideState(KeyedStateAccess<BinaryRow> keys, String name, RowType rowType, long ttlMillis) {
    MapStateDescriptor<BinaryRow, Row> descriptor =
        new MapStateDescriptor<>(name, (TypeInfo) Types.row(rowType), Types.row(COUNTS));
    this.rows = keys.getMapState(io.strom.runtime.sql.StateTimeToLive.apply(descriptor, ttlMillis));
    this.serializer = new RowSerializer(rowType);
  }

  /** {@code row} in the form it is held in: binary, of kind INSERT, owned by the state. */
  BinaryRow held(Row row) {
    BinaryRow binary = serializer.toBinary(row).copy();
    binary.setKind(RowKind.INSERT);
    return binary;
  }

  /** All rows held for the current key. */
  List<Held> all() {
    List<Held> all = new ArrayList<>();
    for (Map.Entry<BinaryRow, Row> entry : rows.entries()) {
      all.add(new Held(entry.getKey(), entry.getValue().getLong(0), entry.getValue().getLong(1)));
    }
    return all;
  }

  void add(BinaryRow row, long matches) {
    Row counts = rows.get(row);
    long copies = counts == null ? 1 : counts.getLong(0) + 1;
    put(row, copies, matches);
  }

  /** Takes one copy of {@code row} away; false when none was held (its state expired). */
  boolean retract(BinaryRow row) {
    Row counts = rows.get(row);
    if (counts == null) {
      return false;
    }
    long copies = counts.getLong(0) - 1;
    if (copies <= 0) {
      rows.remove(row);
    } else {
      put(row, copies, counts.getLong(1));
    }
    return true;
  }

  void setMatches(Held held, long matches) {
    put(held.row(), held.copies(), matches);
  }

  private void put(BinaryRow row, long copies, long matches) {
    GenericRow counts = new GenericRow(2);
    counts.setLong(0, copies);
    counts.setLong(1, matches);
    rows.put(row, counts);
  }
}
