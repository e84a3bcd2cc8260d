package io.strom.datastream.operators;

import io.strom.api.OutputTag;
import io.strom.datastream.functions.CoProcessFunction;
import io.strom.datastream.functions.TimerService;
import io.strom.runtime.operators.AbstractOperator;
import io.strom.runtime.operators.TwoInputOperator;

/** Runs a {@link CoProcessFunction} on two connected streams that are not keyed. */
public final class CoProcessOperator<I1, I2, O> extends AbstractOperator<O>
    implements TwoInputOperator<I1, I2, O> {
  private static final long serialVersionUID = 1L;

  private final CoProcessFunction<I1, I2, O> function;
  private transient TimestampedCollector<O> collector;
  private transient NonKeyedTimerService timers;
  private transient ContextImpl ctx;

  public CoProcessOperator(CoProcessFunction<I1, I2, O> function) {
    this.function = function;
  }

  @Override
  protected void setup() throws Exception {
    collector = new TimestampedCollector<>(output);
    timers = new NonKeyedTimerService(context);
    ctx = new ContextImpl();
    UserFunctions.open(function, new StreamingRuntimeContext(context));
  }

  @Override
  public void processElement1(I1 record, long timestamp) throws Exception {
    collector.setTimestamp(timestamp);
    function.processElement1(record, ctx, collector);
  }

  @Override
  public void processElement2(I2 record, long timestamp) throws Exception {
    collector.setTimestamp(timestamp);
    function.processElement2(record, ctx, collector);
  }

  @Override
  public void processWatermark(long watermark) throws Exception {
    timers.setWatermark(watermark);
    super.processWatermark(watermark);
  }

  @Override
  public void close() throws Exception {
    UserFunctions.close(function);
  }

  private final class ContextImpl extends CoProcessFunction<I1, I2, O>.Context {
    ContextImpl() {
      function.super();
    }

    @Override
    public Long timestamp() {
      return collector.timestampOrNull();
    }

    @Override
    public TimerService timerService() {
      return timers;
    }

    @Override
    public <X> void output(OutputTag<X> outputTag, X value) {
      collector.collect(outputTag, value);
    }
  }
}
