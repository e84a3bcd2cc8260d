package io.strom.runtime.operators;

/**
 * An operator with two inputs. The task combines the inputs' watermarks (the minimum over inputs
 * that are not idle) and calls {@link #processWatermark} when that combination advances. Called
 * only on the task's thread.
 */
public interface TwoInputOperator<IN1, IN2, OUT> extends Operator<OUT> {

  void processElement1(IN1 record, long timestamp) throws Exception;

  void processElement2(IN2 record, long timestamp) throws Exception;

  void processWatermark(long watermark) throws Exception;

  void processWatermarkStatus(boolean idle) throws Exception;
}
