package io.strom.datastream.operators;

import io.strom.datastream.functions.TimerService;
import io.strom.runtime.operators.OperatorContext;

/** Tells the time on a stream that is not keyed, and explains that timers need keys. */
final class NonKeyedTimerService implements TimerService {
  private final OperatorContext<?> context;
  private long watermark = Long.MIN_VALUE;

  NonKeyedTimerService(OperatorContext<?> context) {
    this.context = context;
  }

  void setWatermark(long watermark) {
    this.watermark = watermark;
  }

  @Override
  public long currentProcessingTime() {
    return context.processingTimeService().currentProcessingTime();
  }

  @Override
  public long currentWatermark() {
    return watermark;
  }

  private IllegalStateException timersNeedKeys() {
    return new IllegalStateException(
        "Operator '" + context.operatorName() + "' tried to set a timer, which is only possible on"
            + " a keyed stream: call keyBy(...) before process(...).");
  }

  @Override
  public void registerProcessingTimeTimer(long time) {
    throw timersNeedKeys();
  }

  @Override
  public void registerEventTimeTimer(long time) {
    throw timersNeedKeys();
  }

  @Override
  public void deleteProcessingTimeTimer(long time) {
    throw timersNeedKeys();
  }

  @Override
  public void deleteEventTimeTimer(long time) {
    throw timersNeedKeys();
  }
}
