package io.strom.runtime.sql.sort;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.api.functions.KeySelector;
import io.strom.data.BinaryRow;
import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.data.TimestampData;
import io.strom.runtime.testutils.CollectingOutput;
import io.strom.runtime.testutils.OneInputOperatorHarness;
import io.strom.serde.RowSerializer;
import io.strom.types.DataTypes;
import io.strom.types.RowType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a temporal sort emits, and when, on event time and on processing time. */
class TemporalSortOperatorTest {
  private static final RowType TYPE = DataTypes.ROW(
      DataTypes.FIELD("ts", DataTypes.TIMESTAMP(3)), DataTypes.FIELD("v", DataTypes.STRING()));
  private static final BinaryRow NO_KEY = new RowSerializer(DataTypes.ROW()).toBinary(new GenericRow(0)).copy();

  private static OneInputOperatorHarness<Row, Row> harness(boolean eventTime) throws Exception {
    KeySelector<Row, BinaryRow> key = row -> NO_KEY;
    OneInputOperatorHarness<Row, Row> harness = OneInputOperatorHarness.keyed(
        new TemporalSortOperator(null, TYPE, 0, 3, eventTime), key);
    harness.open();
    return harness;
  }

  private static Row row(long millis, String v) {
    return GenericRow.of(TimestampData.fromEpochMillis(millis), io.strom.data.StringData.fromString(v));
  }

  private static List<String> emitted(OneInputOperatorHarness<Row, Row> harness) {
    return harness.records().stream()
        .map(r -> r.value().getTimestamp(0, 3).millisecond() + " " + r.value().getString(1)
            + " @" + r.timestamp())
        .toList();
  }

  @Test
  void emitsRowsInTimeOrderAsTheWatermarkPassesThemAndDropsLateOnes() throws Exception {
    try (var harness = harness(true)) {
      harness.processElement(row(30, "c"), 30);
      harness.processElement(row(10, "a"), 10);
      harness.processElement(row(30, "c2"), 30);
      harness.processElement(row(20, "b"), 20);
      assertThat(harness.values()).isEmpty();

      harness.processWatermark(20);
      assertThat(emitted(harness)).containsExactly("10 a @10", "20 b @20");

      harness.processElement(row(15, "late"), 15);
      harness.processElement(row(20, "late too"), 20);
      harness.processWatermark(40);
      assertThat(emitted(harness)).containsExactly(
          "10 a @10", "20 b @20", "30 c @30", "30 c2 @30");
      assertThat(harness.metric(TemporalSortOperator.LATE_RECORDS_DROPPED)).isEqualTo(2L);
    }
  }

  @Test
  void onProcessingTimeEmitsTheRowsOfAMillisecondOnceItIsOver() throws Exception {
    try (var harness = harness(false)) {
      harness.setProcessingTime(100);
      harness.processElement(row(0, "first"));
      harness.processElement(row(0, "second"));
      assertThat(harness.values()).isEmpty();

      harness.setProcessingTime(101);
      assertThat(harness.records()).extracting(r -> r.value().getString(1).toString())
          .containsExactly("first", "second");
      assertThat(harness.records()).extracting(CollectingOutput.Timestamped::timestamp)
          .containsOnly(io.strom.runtime.operators.Output.NO_TIMESTAMP);
    }
  }

  @Test
  void onProcessingTimeEmitsRowsStillWaitingWhenTheInputEnds() throws Exception {
    try (var harness = harness(false)) {
      harness.setProcessingTime(100);
      harness.processElement(row(0, "early"));
      harness.setProcessingTime(101);
      harness.processElement(row(0, "last"));
      harness.finish();
      assertThat(harness.records()).extracting(r -> r.value().getString(1).toString())
          .containsExactly("early", "last");
    }
  }
}
