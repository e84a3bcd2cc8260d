package io.strom.runtime.testutils;

import io.strom.api.functions.KeySelector;
import io.strom.runtime.operators.OneInputOperator;
import io.strom.runtime.operators.Output;
import java.util.List;

/**
 * Runs a {@link OneInputOperator} in a test without a task: feed it records, watermarks and
 * processing time, then inspect what it emitted, its metrics and its keyed state.
 *
 * <pre>{@code
 * var harness = OneInputOperatorHarness.keyed(new MyOperator(), (String s) -> s);
 * harness.open();
 * harness.processElement("a", 10);
 * harness.processWatermark(20);
 * assertThat(harness.values()).containsExactly(...);
 * }</pre>
 */
@SuppressWarnings("try")
public final class OneInputOperatorHarness<IN, OUT> extends AbstractOperatorHarness<OUT> {
  private final OneInputOperator<IN, OUT> operator;

  /** A harness for an operator whose input is not keyed. */
  public OneInputOperatorHarness(OneInputOperator<IN, OUT> operator) {
    this(operator, List.of());
  }

  private OneInputOperatorHarness(
      OneInputOperator<IN, OUT> operator, List<KeySelector<?, ?>> keySelectors) {
    super(operator, keySelectors);
    this.operator = operator;
  }

  /** A harness for an operator on a keyed input, with keyed state and timers. */
  public static <IN, OUT> OneInputOperatorHarness<IN, OUT> keyed(
      OneInputOperator<IN, OUT> operator, KeySelector<IN, ?> keySelector) {
    return new OneInputOperatorHarness<>(operator, List.of(keySelector));
  }

  public void processElement(IN record, long timestamp) throws Exception {
    requireOpen();
    operator.processElement(record, timestamp);
  }

  /** Processes a record that has no timestamp. */
  public void processElement(IN record) throws Exception {
    processElement(record, Output.NO_TIMESTAMP);
  }

  public void processWatermark(long watermark) throws Exception {
    requireOpen();
    operator.processWatermark(watermark);
  }

  public void processWatermarkStatus(boolean idle) throws Exception {
    requireOpen();
    operator.processWatermarkStatus(idle);
  }
}
