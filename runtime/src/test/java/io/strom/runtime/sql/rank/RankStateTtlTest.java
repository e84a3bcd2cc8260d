package io.strom.runtime.sql.rank;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.api.functions.KeySelector;
import io.strom.data.BinaryRow;
import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.data.RowKind;
import io.strom.data.StringData;
import io.strom.runtime.generated.GeneratedClass;
import io.strom.runtime.generated.RecordComparator;
import io.strom.runtime.operators.OneInputOperator;
import io.strom.runtime.testutils.OneInputOperatorHarness;
import io.strom.serde.RowSerializer;
import io.strom.types.DataTypes;
import io.strom.types.RowType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Top-N and deduplication with {@code table.exec.state.ttl}, over rows {@code (k STRING, v
 * BIGINT)} partitioned by {@code k}: a partition not written for the TTL of processing time is
 * forgotten, as in Flink, so the next row of its key starts it afresh; rows emitted before are not
 * retracted. Writes renew the state, reads do not. The clock is the harness's.
 */
class RankStateTtlTest {
  private static final long TTL = 100;
  private static final RowType INPUT =
      DataTypes.ROW(DataTypes.FIELD("k", DataTypes.STRING()), DataTypes.FIELD("v", DataTypes.BIGINT()));
  private static final RowType KEY = DataTypes.ROW(DataTypes.FIELD("k", DataTypes.STRING()));

  /** {@code ORDER BY v DESC}, as the code generator would write it. */
  private static final GeneratedClass<RecordComparator> BY_V_DESC = new GeneratedClass<>(
      "ByVDescending", """
      public final class ByVDescending implements io.strom.runtime.generated.RecordComparator {
        public ByVDescending(Object[] references) {}
        public int compare(io.strom.data.Row left, io.strom.data.Row right) {
          return Long.compare(right.getLong(1), left.getLong(1));
        }
      }
      """, new Object[0]);

  private static OneInputOperatorHarness<Row, Row> harness(OneInputOperator<Row, Row> operator)
      throws Exception {
    KeySelector<Row, BinaryRow> key =
        row -> new RowSerializer(KEY).toBinary(GenericRow.of(row.getString(0))).copy();
    OneInputOperatorHarness<Row, Row> harness = OneInputOperatorHarness.keyed(operator, key);
    harness.open();
    return harness;
  }

  /** {@code ROW_NUMBER() ... WHERE rn <= 2}, the number not shown, over an updating input. */
  private static OneInputOperatorHarness<Row, Row> retractableTop2() throws Exception {
    return harness(new RetractableTopNOperator(
        BY_V_DESC, INPUT, RankType.ROW_NUMBER, new RankRange(1, 2, false), true, false, TTL));
  }

  /** {@code ROW_NUMBER() ... WHERE rn = 1}, the number not shown, over an insert-only input. */
  private static OneInputOperatorHarness<Row, Row> appendOnlyTop1() throws Exception {
    return harness(
        new AppendOnlyTopNOperator(BY_V_DESC, INPUT, new RankRange(1, 1, false), true, TTL));
  }

  private static OneInputOperatorHarness<Row, Row> deduplicate(boolean keepLast) throws Exception {
    return harness(new DeduplicateOperator(INPUT, keepLast, -1, 0, true, TTL));
  }

  private static Row row(RowKind kind, String k, long v) {
    return GenericRow.ofKind(kind, StringData.fromString(k), v);
  }

  private static Row insert(String k, long v) {
    return row(RowKind.INSERT, k, v);
  }

  /** Each output as "+I[a, 10]". */
  private static List<String> changelog(OneInputOperatorHarness<Row, Row> harness) {
    List<String> out = new ArrayList<>();
    for (Row row : harness.values()) {
      out.add(row.kind().shortString() + "[" + row.getString(0) + ", " + row.getLong(1) + "]");
    }
    return out;
  }

  @Test
  void retractableTopNStartsAnExpiredPartitionAfreshAndIgnoresItsRetractions() throws Exception {
    try (var harness = retractableTop2()) {
      harness.processElement(insert("a", 10));
      harness.processElement(insert("a", 8));
      harness.setProcessingTime(TTL);
      // The partition held 10 and 8; forgotten, 5 is its best row now.
      harness.processElement(insert("a", 5));
      // 10 is no longer held: its retraction has nothing to take away.
      harness.processElement(row(RowKind.DELETE, "a", 10));
      harness.processElement(insert("a", 7));
      assertThat(changelog(harness)).containsExactly(
          "+I[a, 10]", "+I[a, 8]", "+I[a, 5]", "+I[a, 7]");
    }
  }

  @Test
  void retractableTopNKeepsAPartitionWrittenWithinTheTtl() throws Exception {
    try (var harness = retractableTop2()) {
      harness.processElement(insert("a", 10));
      harness.setProcessingTime(TTL - 1);
      harness.processElement(insert("a", 8));
      harness.setProcessingTime(2 * TTL - 2);
      // Written at TTL - 1, the whole partition lives on: 10 is retracted, 8 stays ranked.
      harness.processElement(row(RowKind.DELETE, "a", 10));
      harness.processElement(insert("b", 1));
      assertThat(changelog(harness)).containsExactly(
          "+I[a, 10]", "+I[a, 8]", "-D[a, 10]", "+I[b, 1]");
    }
  }

  @Test
  void appendOnlyTopNStartsAnExpiredPartitionAfresh() throws Exception {
    try (var harness = appendOnlyTop1()) {
      harness.processElement(insert("a", 10));
      harness.processElement(insert("a", 5));
      harness.setProcessingTime(TTL);
      // 10 is forgotten, so 3 tops the partition although it ranks below 10.
      harness.processElement(insert("a", 3));
      harness.processElement(insert("a", 4));
      assertThat(changelog(harness)).containsExactly(
          "+I[a, 10]", "+I[a, 3]", "-D[a, 3]", "+I[a, 4]");
    }
  }

  @Test
  void appendOnlyTopNKeepsAPartitionWrittenWithinTheTtl() throws Exception {
    try (var harness = appendOnlyTop1()) {
      harness.processElement(insert("a", 10));
      harness.setProcessingTime(TTL - 1);
      harness.processElement(insert("a", 12));
      harness.setProcessingTime(2 * TTL - 2);
      harness.processElement(insert("a", 11));
      assertThat(changelog(harness)).containsExactly("+I[a, 10]", "-D[a, 10]", "+I[a, 12]");
    }
  }

  @Test
  void deduplicationKeepingTheFirstRowEmitsItAgainOnceTheKeyExpired() throws Exception {
    try (var harness = deduplicate(false)) {
      harness.processElement(insert("a", 1));
      harness.setProcessingTime(TTL - 1);
      // Ignored, and not a write: the key still expires TTL after its first row.
      harness.processElement(insert("a", 2));
      harness.setProcessingTime(TTL);
      harness.processElement(insert("a", 3));
      harness.processElement(insert("a", 4));
      assertThat(changelog(harness)).containsExactly("+I[a, 1]", "+I[a, 3]");
    }
  }

  @Test
  void deduplicationKeepingTheLastRowInsertsAfreshOnceTheKeyExpired() throws Exception {
    try (var harness = deduplicate(true)) {
      harness.processElement(insert("a", 1));
      harness.setProcessingTime(TTL - 1);
      harness.processElement(insert("a", 2));
      harness.setProcessingTime(2 * TTL - 2);
      // "a" was rewritten at TTL - 1: still held, so 3 updates it.
      harness.processElement(insert("a", 3));
      harness.setProcessingTime(3 * TTL);
      // Expired: nothing to update, 4 is inserted.
      harness.processElement(insert("a", 4));
      assertThat(changelog(harness)).containsExactly(
          "+I[a, 1]", "-U[a, 1]", "+U[a, 2]", "-U[a, 2]", "+U[a, 3]", "+I[a, 4]");
    }
  }
}
