package io.strom.runtime.tasks;

import io.strom.api.OutputTag;
import io.strom.runtime.operators.OneInputOperator;
import io.strom.runtime.operators.Output;

/**
 * Hands records straight to the next operator of the chain: a method call, no copy, no queue.
 * Exceptions from that operator are tagged with its name.
 */
final class ChainingOutput<T> implements Output<T> {
  private final OneInputOperator<T, ?> operator;
  private final String operatorName;

  ChainingOutput(OneInputOperator<T, ?> operator, String operatorName) {
    this.operator = operator;
    this.operatorName = operatorName;
  }

  @Override
  public void collect(T record, long timestamp) {
    try {
      operator.processElement(record, timestamp);
    } catch (Exception e) {
      throw OperatorException.wrap(operatorName, e);
    }
  }

  @Override
  public <X> void collect(OutputTag<X> tag, X record, long timestamp) {
    // Side-output records reach this output only when nobody consumes the tag: drop them.
  }

  @Override
  public void emitWatermark(long watermark) {
    try {
      operator.processWatermark(watermark);
    } catch (Exception e) {
      throw OperatorException.wrap(operatorName, e);
    }
  }

  @Override
  public void emitWatermarkStatus(boolean idle) {
    try {
      operator.processWatermarkStatus(idle);
    } catch (Exception e) {
      throw OperatorException.wrap(operatorName, e);
    }
  }
}
