package io.strom.datastream.operators;

import io.strom.api.OutputTag;
import io.strom.datastream.functions.ProcessFunction;
import io.strom.datastream.functions.TimerService;
import io.strom.runtime.operators.AbstractOperator;
import io.strom.runtime.operators.OneInputOperator;

/** Runs a {@link ProcessFunction} on a stream that is not keyed: no state, no timers. */
public final class ProcessOperator<I, O> extends AbstractOperator<O>
    implements OneInputOperator<I, O> {
  private static final long serialVersionUID = 1L;

  private final ProcessFunction<I, O> function;
  private transient TimestampedCollector<O> collector;
  private transient ContextImpl ctx;
  private transient NonKeyedTimerService timers;

  public ProcessOperator(ProcessFunction<I, O> function) {
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
  public void processElement(I record, long timestamp) throws Exception {
    collector.setTimestamp(timestamp);
    function.processElement(record, ctx, collector);
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

  private final class ContextImpl extends ProcessFunction<I, O>.Context {
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
