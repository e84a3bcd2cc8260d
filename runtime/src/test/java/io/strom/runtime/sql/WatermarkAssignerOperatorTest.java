package io.strom.runtime.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.data.TimestampData;
import io.strom.runtime.generated.CalcFunction;
import io.strom.runtime.generated.GeneratedClass;
import io.strom.runtime.testutils.CollectingOutput;
import io.strom.runtime.testutils.OneInputOperatorHarness;
import io.strom.runtime.time.Watermarks;
import org.junit.jupiter.api.Test;

class WatermarkAssignerOperatorTest {

  /** Watermark = rowtime - 5 ms, as generated code would compute it. */
  private static GeneratedClass<CalcFunction> minusFive() {
    String code =
        "public final class MinusFive implements io.strom.runtime.generated.CalcFunction {\n"
            + "  private final io.strom.data.GenericRow out = new io.strom.data.GenericRow(1);\n"
            + "  public MinusFive(Object[] refs) {}\n"
            + "  public io.strom.data.Row apply(io.strom.data.Row in) {\n"
            + "    out.setTimestamp(0, io.strom.data.TimestampData.fromEpochMillis("
            + "in.getTimestamp(0, 3).millisecond() - 5));\n"
            + "    return out;\n"
            + "  }\n"
            + "}\n";
    return new GeneratedClass<>("MinusFive", code, new Object[0]);
  }

  private static Row row(long millis) {
    GenericRow row = new GenericRow(1);
    row.setTimestamp(0, TimestampData.fromEpochMillis(millis));
    return row;
  }

  @Test
  void emitsTheLargestWatermarkAfterEveryRowWhenTheIntervalIsZero() throws Exception {
    OneInputOperatorHarness<Row, Row> harness =
        new OneInputOperatorHarness<>(new WatermarkAssignerOperator(0, 3, minusFive(), 0, 0));
    harness.open();
    harness.processElement(row(100), Long.MIN_VALUE);
    harness.processElement(row(90), Long.MIN_VALUE);
    harness.processElement(row(120), Long.MIN_VALUE);
    harness.processWatermark(Watermarks.END);
    assertThat(harness.watermarks()).containsExactly(95L, 115L, Watermarks.END);
    assertThat(harness.records())
        .extracting(CollectingOutput.Timestamped::timestamp)
        .containsExactly(100L, 90L, 120L);
  }

  @Test
  void forwardsIdlenessOfItsInput() throws Exception {
    OneInputOperatorHarness<Row, Row> harness =
        new OneInputOperatorHarness<>(new WatermarkAssignerOperator(0, 3, minusFive(), 0, 0));
    harness.open();
    harness.processWatermarkStatus(true);
    harness.processWatermarkStatus(false);
    assertThat(harness.output().watermarkStatuses()).containsExactly(true, false);
  }
}
