package io.strom.runtime.sql.agg;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.api.functions.KeySelector;
import io.strom.data.BinaryRow;
import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.data.RowKind;
import io.strom.data.StringData;
import io.strom.runtime.testutils.OneInputOperatorHarness;
import io.strom.serde.RowSerializer;
import io.strom.types.DataTypes;
import io.strom.types.RowType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A group aggregation ({@code SELECT k, COUNT(*), SUM(v) FROM t GROUP BY k}) starts a key's next
 * row from the result it kept for that key instead of computing it again. The changelog must be
 * the same as computing it, with keys interleaved, and no row it emitted may change afterwards:
 * the harness keeps the emitted rows, so a row reused after emission would show here.
 */
class GroupAggPreviousResultTest {
  private static final RowType KEY = DataTypes.ROW(DataTypes.FIELD("k", DataTypes.STRING()));

  private static BinaryRow key(Row row) {
    return new RowSerializer(KEY).toBinary(GenericRow.of(row.getString(0))).copy();
  }

  private static OneInputOperatorHarness<Row, Row> aggregation(boolean updateBefore) {
    KeySelector<Row, BinaryRow> key = GroupAggPreviousResultTest::key;
    return OneInputOperatorHarness.keyed(new GroupAggOperator(
        CountSumHandlerSource.code(), CountSumHandlerSource.ACCUMULATORS, updateBefore, 0), key);
  }

  private static Row row(RowKind kind, String k, long v) {
    GenericRow row = GenericRow.of(StringData.fromString(k), v);
    row.setKind(kind);
    return row;
  }

  private static List<String> changelog(OneInputOperatorHarness<Row, Row> harness) {
    List<String> out = new ArrayList<>();
    for (Row row : harness.values()) {
      out.add(row.kind().shortString() + "[" + row.getString(0) + ", " + row.getLong(1) + ", "
          + row.getLong(2) + "]");
    }
    return out;
  }

  private static void feed(OneInputOperatorHarness<Row, Row> harness) throws Exception {
    harness.processElement(row(RowKind.INSERT, "a", 5));
    harness.processElement(row(RowKind.INSERT, "a", 2));
    harness.processElement(row(RowKind.INSERT, "b", 1));
    harness.processElement(row(RowKind.INSERT, "a", 3));
    harness.processElement(row(RowKind.DELETE, "a", 3));
    harness.processElement(row(RowKind.DELETE, "b", 1));
    harness.processElement(row(RowKind.INSERT, "b", 4));
  }

  @Test
  void updateBeforeRowsAreTheResultsEmittedBefore() throws Exception {
    try (var harness = aggregation(true)) {
      harness.open();
      feed(harness);
      assertThat(changelog(harness)).containsExactly(
          "+I[a, 1, 5]",
          "-U[a, 1, 5]", "+U[a, 2, 7]",
          "+I[b, 1, 1]",
          "-U[a, 2, 7]", "+U[a, 3, 10]",
          "-U[a, 3, 10]", "+U[a, 2, 7]",
          "-D[b, 1, 1]",
          "+I[b, 1, 4]");
    }
  }

  @Test
  void withoutUpdateBeforeTheKeptResultOnlyDecidesWhatChanged() throws Exception {
    try (var harness = aggregation(false)) {
      harness.open();
      feed(harness);
      assertThat(changelog(harness)).containsExactly(
          "+I[a, 1, 5]",
          "+U[a, 2, 7]",
          "+I[b, 1, 1]",
          "+U[a, 3, 10]",
          "+U[a, 2, 7]",
          "-D[b, 1, 1]",
          "+I[b, 1, 4]");
    }
  }

  @Test
  void aKeyDeletedAfterConsecutiveRowsRetractsItsLastResult() throws Exception {
    try (var harness = aggregation(false)) {
      harness.open();
      harness.processElement(row(RowKind.INSERT, "a", 5));
      harness.processElement(row(RowKind.INSERT, "a", 6));
      harness.processElement(row(RowKind.DELETE, "a", 5));
      harness.processElement(row(RowKind.DELETE, "a", 6));
      harness.processElement(row(RowKind.INSERT, "a", 1));
      assertThat(changelog(harness)).containsExactly(
          "+I[a, 1, 5]", "+U[a, 2, 11]", "+U[a, 1, 6]", "-D[a, 1, 6]", "+I[a, 1, 1]");
    }
  }
}
