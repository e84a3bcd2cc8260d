package io.strom.runtime.testutils;

import io.strom.api.functions.KeySelector;
import io.strom.runtime.operators.TwoInputOperator;
import io.strom.runtime.time.Watermarks;
import java.util.List;

/**
 * Runs a {@link TwoInputOperator} in a test without a task. Watermarks can be given combined
 * ({@link #processWatermark}) or per input ({@link #processWatermark1},
 * {@link #processWatermark2}), in which case the harness passes on the minimum of both inputs
 * when it advances, as a task does.
 */
@SuppressWarnings("try")
public final class TwoInputOperatorHarness<IN1, IN2, OUT> extends AbstractOperatorHarness<OUT> {
  private final TwoInputOperator<IN1, IN2, OUT> operator;
  private long watermark1 = Watermarks.NONE;
  private long watermark2 = Watermarks.NONE;
  private long combined = Watermarks.NONE;

  /** A harness for an operator whose inputs are not keyed. */
  public TwoInputOperatorHarness(TwoInputOperator<IN1, IN2, OUT> operator) {
    this(operator, List.of());
  }

  private TwoInputOperatorHarness(
      TwoInputOperator<IN1, IN2, OUT> operator, List<KeySelector<?, ?>> keySelectors) {
    super(operator, keySelectors);
    this.operator = operator;
  }

  /** A harness for an operator whose two inputs are keyed by keys of the same type. */
  public static <IN1, IN2, K, OUT> TwoInputOperatorHarness<IN1, IN2, OUT> keyed(
      TwoInputOperator<IN1, IN2, OUT> operator,
      KeySelector<IN1, K> keySelector1,
      KeySelector<IN2, K> keySelector2) {
    return new TwoInputOperatorHarness<>(operator, List.of(keySelector1, keySelector2));
  }

  public void processElement1(IN1 record, long timestamp) throws Exception {
    requireOpen();
    operator.processElement1(record, timestamp);
  }

  public void processElement2(IN2 record, long timestamp) throws Exception {
    requireOpen();
    operator.processElement2(record, timestamp);
  }

  /** Passes a watermark that already combines both inputs. */
  public void processWatermark(long watermark) throws Exception {
    requireOpen();
    operator.processWatermark(watermark);
  }

  /** The first input's watermark; forwards the combined watermark when it advances. */
  public void processWatermark1(long watermark) throws Exception {
    watermark1 = Math.max(watermark1, watermark);
    forwardCombined();
  }

  /** The second input's watermark; forwards the combined watermark when it advances. */
  public void processWatermark2(long watermark) throws Exception {
    watermark2 = Math.max(watermark2, watermark);
    forwardCombined();
  }

  public void processWatermarkStatus(boolean idle) throws Exception {
    requireOpen();
    operator.processWatermarkStatus(idle);
  }

  private void forwardCombined() throws Exception {
    long min = Math.min(watermark1, watermark2);
    if (min > combined) {
      combined = min;
      processWatermark(min);
    }
  }
}
