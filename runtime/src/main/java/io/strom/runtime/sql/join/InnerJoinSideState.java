package io.strom.runtime.sql.join;

import io.strom.api.state.MapState;
import io.strom.api.typeinfo.Types;
import io.strom.data.BinaryRow;
import io.strom.runtime.state.KeyedStateAccess;
import io.strom.types.RowType;
import java.util.List;
import java.util.Map;

/**
 * The held rows of a join side that never counts matches (either side of an inner join, the
 * inner side of an outer join): per row only its number of copies, as a {@code Long}. Nearly
 * every row is held once, and a boxed 1 is the JVM's cached instance, so the count costs no heap
 * per row (earlier versions held a row of two counters, over 100 bytes, per held row).
 */
final class InnerJoinSideState extends JoinSideState {
  private final MapState<BinaryRow, Long> copies;

  InnerJoinSideState(
      KeyedStateAccess<BinaryRow> keys, String side, RowType rowType, long ttlMillis) {
    super(rowType);
    this.copies =
        keys.getMapState(descriptor(side + "-row-copies", rowType, Types.LONG, ttlMillis));
  }

  @Override
  void collectAll(List<Held> all) {
    for (Map.Entry<BinaryRow, Long> entry : copies.entries()) {
      all.add(new Held(entry.getKey(), entry.getValue(), 0));
    }
  }

  @Override
  void add(BinaryRow row, long matches) {
    Long held = copies.get(row);
    copies.put(row, held == null ? 1L : held + 1);
  }

  @Override
  boolean retract(BinaryRow row) {
    Long held = copies.get(row);
    if (held == null) {
      return false;
    }
    if (held <= 1) {
      copies.remove(row);
    } else {
      copies.put(row, held - 1);
    }
    return true;
  }

  @Override
  void setMatches(Held held, long matches) {
    throw new IllegalStateException("Bug: match counts set on a join side that does not keep them");
  }
}
