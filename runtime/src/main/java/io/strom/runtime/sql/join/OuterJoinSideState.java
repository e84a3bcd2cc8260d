package io.strom.runtime.sql.join;

import io.strom.api.state.MapState;
import io.strom.api.typeinfo.Types;
import io.strom.data.BinaryRow;
import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.runtime.state.KeyedStateAccess;
import io.strom.types.DataTypes;
import io.strom.types.RowType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The held rows of the outer side of an outer join: per row its copies and how many rows of the
 * other side it matches, as a row of two BIGINTs (the layout every side had before {@link
 * InnerJoinSideState}, under the same state name, so such checkpoints still restore).
 */
final class OuterJoinSideState extends JoinSideState {
  private static final RowType COUNTS =
      DataTypes.ROW(
          DataTypes.FIELD("copies", DataTypes.BIGINT().copy(false)),
          DataTypes.FIELD("matches", DataTypes.BIGINT().copy(false)));

  private final MapState<BinaryRow, Row> rows;

  OuterJoinSideState(
      KeyedStateAccess<BinaryRow> keys, String name, RowType rowType, long ttlMillis) {
    super(rowType);
    this.rows = keys.getMapState(descriptor(name, rowType, Types.row(COUNTS), ttlMillis));
  }

  @Override
  List<Held> all() {
    List<Held> all = new ArrayList<>();
    for (Map.Entry<BinaryRow, Row> entry : rows.entries()) {
      all.add(new Held(entry.getKey(), entry.getValue().getLong(0), entry.getValue().getLong(1)));
    }
    return all;
  }

  @Override
  void add(BinaryRow row, long matches) {
    Row counts = rows.get(row);
    long copies = counts == null ? 1 : counts.getLong(0) + 1;
    put(row, copies, matches);
  }

  @Override
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

  @Override
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
