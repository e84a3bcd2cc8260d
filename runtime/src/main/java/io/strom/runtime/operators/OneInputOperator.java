package io.strom.runtime.operators;

/** An operator with one input. Called only on the task's thread. */
public interface OneInputOperator<IN, OUT> extends Operator<OUT> {

  void processElement(IN record, long timestamp) throws Exception;

  /** The input's watermark advanced; fire due event-time timers, then forward it. */
  void processWatermark(long watermark) throws Exception;

  /** The input became idle or active again. */
  void processWatermarkStatus(boolean idle) throws Exception;
}
