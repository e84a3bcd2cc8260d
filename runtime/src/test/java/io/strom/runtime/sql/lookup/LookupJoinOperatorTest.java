package io.strom.runtime.sql.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.api.functions.KeySelector;
import io.strom.data.BinaryRow;
import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.data.RowKind;
import io.strom.data.StringData;
import io.strom.runtime.sql.ValuesSource;
import io.strom.runtime.sql.join.JoinCondition;
import io.strom.runtime.sql.join.StreamingJoinOperator;
import io.strom.runtime.testutils.OneInputOperatorHarness;
import io.strom.serde.RowSerializer;
import io.strom.types.DataTypes;
import io.strom.types.RowType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a lookup join emits per probe row. The table is rates (currency INT, rate STRING), read
 * whole when the operator opens; probe rows are payments (currency INT, id STRING), looked up by
 * currency.
 */
class LookupJoinOperatorTest {
  private static final RowType SIDE = DataTypes.ROW(
      DataTypes.FIELD("k", DataTypes.INT()), DataTypes.FIELD("s", DataTypes.STRING()));
  private static final RowType KEY = DataTypes.ROW(DataTypes.FIELD("k", DataTypes.INT()));

  private static final List<Row> RATES = List.of(
      row(RowKind.INSERT, 1, "one"),
      row(RowKind.INSERT, 2, "two"),
      row(RowKind.INSERT, 2, "deux"),
      row(RowKind.INSERT, null, "nothing"));

  private static OneInputOperatorHarness<Row, Row> harness(
      boolean leftOuter, StreamingJoinOperator.JoinConditionFactory residual) throws Exception {
    KeySelector<Row, BinaryRow> key = LookupJoinOperatorTest::key;
    FullCachingLookupFunction table = new FullCachingLookupFunction(
        "rates", new ValuesSource(SIDE, RATES), null, SIDE, key);
    OneInputOperatorHarness<Row, Row> harness = new OneInputOperatorHarness<>(
        new LookupJoinOperator(table, key, residual, leftOuter, SIDE.fields().size()));
    harness.open();
    return harness;
  }

  private static OneInputOperatorHarness<Row, Row> harness(boolean leftOuter) throws Exception {
    return harness(leftOuter, loader -> JoinCondition.ALWAYS);
  }

  private static BinaryRow key(Row row) {
    GenericRow key = new GenericRow(1);
    if (row.isNullAt(0)) {
      key.setNullAt(0);
    } else {
      key.setInt(0, row.getInt(0));
    }
    BinaryRow binary = new RowSerializer(KEY).toBinary(key).copy();
    binary.setKind(RowKind.INSERT);
    return binary;
  }

  private static Row row(RowKind kind, Integer k, String s) {
    GenericRow row = new GenericRow(2);
    row.setKind(kind);
    if (k == null) {
      row.setNullAt(0);
    } else {
      row.setInt(0, k);
    }
    row.setString(1, StringData.fromString(s));
    return row;
  }

  private static Row probe(Integer k, String id) {
    return row(RowKind.INSERT, k, id);
  }

  /** Each output as "+I 2 p | 2 two", a padded table side as "null". */
  private static List<String> out(OneInputOperatorHarness<Row, Row> harness) {
    List<String> out = new ArrayList<>();
    for (Row row : harness.values()) {
      out.add(row.kind().shortString() + " " + side(row, 0) + " | " + side(row, 2));
    }
    return out;
  }

  private static String side(Row row, int offset) {
    if (row.isNullAt(offset + 1)) {
      return "null";
    }
    return (row.isNullAt(offset) ? "null" : String.valueOf(row.getInt(offset))) + " "
        + row.getString(offset + 1);
  }

  @Test
  void innerJoinEmitsEveryMatchOfEachProbeRowAndDropsProbeRowsWithoutOne() throws Exception {
    try (var harness = harness(false)) {
      harness.processElement(probe(1, "a"));
      harness.processElement(probe(2, "b"));
      harness.processElement(probe(3, "c"));
      assertThat(out(harness)).containsExactly(
          "+I 1 a | 1 one", "+I 2 b | 2 two", "+I 2 b | 2 deux");
    }
  }

  @Test
  void joinedRowsKeepTheProbeRowsKind() throws Exception {
    try (var harness = harness(true)) {
      harness.processElement(row(RowKind.UPDATE_BEFORE, 1, "a"));
      harness.processElement(row(RowKind.UPDATE_AFTER, 1, "b"));
      harness.processElement(row(RowKind.DELETE, 3, "c"));
      assertThat(out(harness)).containsExactly(
          "-U 1 a | 1 one", "+U 1 b | 1 one", "-D 3 c | null");
    }
  }

  @Test
  void leftJoinPadsAProbeRowWithoutMatchOnceWithNulls() throws Exception {
    try (var harness = harness(true)) {
      harness.processElement(probe(3, "c"));
      harness.processElement(probe(1, "a"));
      assertThat(out(harness)).containsExactly("+I 3 c | null", "+I 1 a | 1 one");
    }
  }

  @Test
  void residualConditionFiltersMatchesAndALeftJoinPadsWhenNonePasses() throws Exception {
    // ON p.k = r.k AND r.s <> 'two' AND p.s <> 'x'
    StreamingJoinOperator.JoinConditionFactory residual = loader -> (probe, row) ->
        !row.getString(1).toString().equals("two") && !probe.getString(1).toString().equals("x");
    try (var inner = harness(false, residual); var left = harness(true, residual)) {
      for (var harness : List.of(inner, left)) {
        harness.processElement(probe(2, "b"));
        harness.processElement(probe(1, "x"));
      }
      assertThat(out(inner)).containsExactly("+I 2 b | 2 deux");
      assertThat(out(left)).containsExactly("+I 2 b | 2 deux", "+I 1 x | null");
    }
  }

  @Test
  void nullKeysNeverMatch() throws Exception {
    try (var inner = harness(false); var left = harness(true)) {
      inner.processElement(probe(null, "n"));
      left.processElement(probe(null, "n"));
      assertThat(out(inner)).isEmpty();
      assertThat(out(left)).containsExactly("+I null n | null");
    }
  }

  /** The rates table, cached whole and read again before each lookup (its interval is 1 ns). */
  private static FullCachingLookupFunction reloadedBeforeEachLookup() {
    return new FullCachingLookupFunction("rates", new ValuesSource(SIDE, RATES), null, SIDE,
        LookupJoinOperatorTest::key, java.time.Duration.ofNanos(1));
  }

  /** The rates table, cached whole once. */
  private static FullCachingLookupFunction loadedOnce() {
    return new FullCachingLookupFunction(
        "rates", new ValuesSource(SIDE, RATES), null, SIDE, LookupJoinOperatorTest::key);
  }

  @Test
  void fullCacheIsReadAgainByTheFirstLookupAfterEachReloadInterval() throws Exception {
    KeySelector<Row, BinaryRow> key = LookupJoinOperatorTest::key;
    FullCachingLookupFunction reloaded = reloadedBeforeEachLookup();
    FullCachingLookupFunction once = loadedOnce();
    for (FullCachingLookupFunction table : List.of(reloaded, once)) {
      try (var harness = new OneInputOperatorHarness<Row, Row>(
          new LookupJoinOperator(table, key, loader -> JoinCondition.ALWAYS, false, 2))) {
        harness.open();
        harness.processElement(probe(1, "a"));
        harness.processElement(probe(2, "b"));
        assertThat(out(harness)).containsExactly(
            "+I 1 a | 1 one", "+I 2 b | 2 two", "+I 2 b | 2 deux");
        assertThat(table.loads()).isEqualTo(table == reloaded ? 3 : 1);
      }
    }
  }

  @Test
  void probeKeysReusedByTheirSelectorLeaveTheCacheIntact() throws Exception {
    // One key object, overwritten by every probe row. A cache that kept a probe key (for a hit or
    // a miss) would see it turn into the next row's key; read again before each lookup or not.
    FullCachingLookupFunction reloaded = reloadedBeforeEachLookup();
    FullCachingLookupFunction once = loadedOnce();
    for (FullCachingLookupFunction table : List.of(reloaded, once)) {
      ReusingKeySelector probeKey = new ReusingKeySelector();
      try (var harness = new OneInputOperatorHarness<Row, Row>(
          new LookupJoinOperator(table, probeKey, loader -> JoinCondition.ALWAYS, true, 2))) {
        harness.open();
        harness.processElement(probe(3, "a"));
        harness.processElement(probe(1, "b"));
        harness.processElement(probe(2, "c"));
        harness.processElement(probe(3, "d"));
        harness.processElement(probe(1, "e"));
        assertThat(out(harness)).containsExactly(
            "+I 3 a | null", "+I 1 b | 1 one", "+I 2 c | 2 two", "+I 2 c | 2 deux",
            "+I 3 d | null", "+I 1 e | 1 one");
        assertThat(probeKey.keys).as("keys handed out, each in the same object").isEqualTo(5);
        // Asked with keys of their own, the cache still finds what it was loaded with.
        assertThat(table.lookup(key(probe(2, "x")))).hasSize(2);
        assertThat(table.lookup(key(probe(1, "x")))).hasSize(1);
        assertThat(table.lookup(key(probe(3, "x")))).isEmpty();
      }
    }
  }

  /** Gives every key in one object it overwrites; refuses to make a lasting copy. */
  private static final class ReusingKeySelector
      implements KeySelector<Row, BinaryRow>, io.strom.runtime.sql.TransientKeys<Row, BinaryRow> {
    private final BinaryRow reused = new BinaryRow(1);
    private final byte[] bytes = new byte[64];
    private int keys;

    @Override
    public BinaryRow transientKey(Row row) {
      BinaryRow key = key(row);
      System.arraycopy(key.bytes(), key.offset(), bytes, 0, key.sizeInBytes());
      reused.pointTo(bytes, 0, key.sizeInBytes());
      keys++;
      return reused;
    }

    @Override
    public BinaryRow getKey(Row row) {
      throw new AssertionError("a lookup key was copied");
    }
  }
}
