package io.strom.datastream.functions;

import io.strom.api.OutputTag;
import io.strom.api.functions.Collector;
import io.strom.api.functions.RichFunction;

/** A process function over two connected streams keyed alike, with keyed state and timers. */
public abstract class KeyedCoProcessFunction<K, I1, I2, O> implements RichFunction {
  private static final long serialVersionUID = 1L;

  public abstract void processElement1(I1 value, Context ctx, Collector<O> out) throws Exception;

  public abstract void processElement2(I2 value, Context ctx, Collector<O> out) throws Exception;

  public void onTimer(long timestamp, OnTimerContext ctx, Collector<O> out) throws Exception {}

  /** What the function knows about the element being processed. */
  public abstract class Context {
    public abstract Long timestamp();

    public abstract TimerService timerService();

    public abstract <X> void output(OutputTag<X> outputTag, X value);

    public abstract K getCurrentKey();
  }

  /** What the function knows about the timer firing. */
  public abstract class OnTimerContext extends Context {
    public abstract TimeDomain timeDomain();
  }
}
