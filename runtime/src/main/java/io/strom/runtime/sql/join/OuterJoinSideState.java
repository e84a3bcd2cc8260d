package io.strom.runtime.sql.join;

import io.strom.api.state.MapState;
import io.strom.api.typeinfo.Types;
import io.strom.data.BinaryRow;
import io.strom.runtime.state.KeyedStateAccess;
import io.strom.types.RowType;
import java.util.List;
import java.util.Map;

/**
 * The held rows of the outer side of an outer join: per row its copies and how many rows of the
 * other side it matches, both packed into one {@code Long} (matches in the high 32 bits, copies in
 * the low ones), as Flink counts both in ints. A row held once without matches is the JVM's cached
 * boxed 1; any other value is one small boxed long instead of a row of two counters.
 */
final class OuterJoinSideState extends JoinSideState {
  private static final long LOW_BITS = 0xFFFF_FFFFL;

  private final MapState<BinaryRow, Long> counts;

  OuterJoinSideState(
      KeyedStateAccess<BinaryRow> keys, String side, RowType rowType, long ttlMillis) {
    super(rowType);
    this.counts =
        keys.getMapState(descriptor(side + "-row-copies-matches", rowType, Types.LONG, ttlMillis));
  }

  @Override
  void collectAll(List<Held> all) {
    for (Map.Entry<BinaryRow, Long> entry : counts.entries()) {
      long packed = entry.getValue();
      all.add(new Held(entry.getKey(), packed & LOW_BITS, packed >>> 32));
    }
  }

  @Override
  void add(BinaryRow row, long matches) {
    Long packed = counts.get(row);
    long copies = packed == null ? 1 : (packed & LOW_BITS) + 1;
    put(row, copies, matches);
  }

  @Override
  boolean retract(BinaryRow row) {
    Long packed = counts.get(row);
    if (packed == null) {
      return false;
    }
    long copies = (packed & LOW_BITS) - 1;
    if (copies <= 0) {
      counts.remove(row);
    } else {
      put(row, copies, packed >>> 32);
    }
    return true;
  }

  @Override
  void setMatches(Held held, long matches) {
    put(held.row(), held.copies(), matches);
  }

  private void put(BinaryRow row, long copies, long matches) {
    if (copies > Integer.MAX_VALUE || matches > Integer.MAX_VALUE) {
      throw new IllegalStateException(
          "A row of the outer side of a join is held or matched more than "
              + Integer.MAX_VALUE
              + " times for one join key, more than the join's state counts");
    }
    counts.put(row, matches << 32 | copies);
  }
}
