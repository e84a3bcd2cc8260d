package io.strom.runtime.sql.join;

import io.strom.data.BinaryRow;
import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.data.TimestampData;
import io.strom.runtime.state.KeyGroupRange;
import io.strom.runtime.state.KeyedStateAccess;
import io.strom.runtime.state.heap.HeapKeyedStateBackend;
import io.strom.serde.RowSerializer;
import io.strom.types.DataTypes;
import io.strom.types.RowType;
import java.lang.ref.Reference;

/**
 * Measures how many heap bytes a regular join retains per held row: fills the state of one join
 * side, through the heap keyed state backend the operator uses, with bid-like rows (auction,
 * price, dateTime, as Nexmark q4 holds them) and reports the growth of the used heap, each reading
 * taken after repeated full collections until it stops shrinking.
 *
 * <p>Not a test: run it by hand, with a heap large enough for the rows and nothing else running
 * in the JVM, e.g. {@code java -Xmx2g -cp <runtime test classpath>
 * io.strom.runtime.sql.join.JoinStateFootprint 2000000 16 inner}. Arguments: rows (default
 * 2,000,000), rows per join key (default 16), the side filled: {@code inner} (a side that never
 * counts matches: either side of an inner join, the non-outer side of an outer join) or {@code
 * outer} (the outer side of an outer join, which counts matches).
 */
public final class JoinStateFootprint {
  private static final RowType BID =
      DataTypes.ROW(
          DataTypes.FIELD("auction", DataTypes.BIGINT()),
          DataTypes.FIELD("price", DataTypes.BIGINT()),
          DataTypes.FIELD("dateTime", DataTypes.TIMESTAMP(3)));
  private static final RowSerializer KEY =
      new RowSerializer(DataTypes.ROW(DataTypes.FIELD("auction", DataTypes.BIGINT())));

  private JoinStateFootprint() {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
    int rowsPerKey = args.length > 1 ? Integer.parseInt(args[1]) : 16;
    boolean outer = args.length > 2 && args[2].equals("outer");
    int maxParallelism = 128;
    HeapKeyedStateBackend<BinaryRow> backend =
        new HeapKeyedStateBackend<>(
            new KeyGroupRange(0, maxParallelism - 1), maxParallelism, () -> 0L);
    KeyedStateAccess<BinaryRow> keys = new KeyedStateAccess<>(backend, "Join");
    JoinSideState side = JoinSideState.create(keys, "left", BID, outer, 0);
    long before = settledUsedHeap();
    int keyCount = Math.max(1, rows / rowsPerKey);
    for (int i = 0; i < rows; i++) {
      GenericRow bid = new GenericRow(3);
      bid.setLong(0, i % keyCount);
      bid.setLong(1, 1_000 + i % 9_000);
      bid.setTimestamp(2, TimestampData.fromEpochMillis(1_700_000_000_000L + i));
      keys.setCurrentKey(key(bid));
      side.add(side.held(bid), outer ? i % 3 : 0);
    }
    keys.setCurrentKey(null);
    long after = settledUsedHeap();
    System.out.printf(
        "%s side, %,d rows over %,d keys: %,d bytes retained, %.1f bytes per row%n",
        outer ? "outer" : "inner",
        rows,
        keyCount,
        after - before,
        (after - before) / (double) rows);
    Reference.reachabilityFence(side);
    backend.close();
  }

  private static BinaryRow key(Row row) {
    GenericRow key = new GenericRow(1);
    key.setLong(0, row.getLong(0));
    return KEY.toBinary(key).copy();
  }

  /** The used heap once full collections stop freeing anything (at most ten of them). */
  private static long settledUsedHeap() {
    Runtime runtime = Runtime.getRuntime();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 10; i++) {
      System.gc();
      long now = runtime.totalMemory() - runtime.freeMemory();
      if (now >= used) {
        return now;
      }
      used = now;
    }
    return used;
  }
}
