package io.strom.datastream.functions;

import io.strom.api.OutputTag;
import io.strom.api.functions.Collector;
import io.strom.api.functions.RichFunction;

/**
 * A process function on a keyed stream: keyed state (through the runtime context) and timers are
 * scoped to the key of the element or timer at hand.
 */
public abstract class KeyedProcessFunction<K, I, O> implements RichFunction {
  private static final long serialVersionUID = 1L;

  public abstract void processElement(I value, Context ctx, Collector<O> out) throws Exception;

  public void onTimer(long timestamp, OnTimerContext ctx, Collector<O> out) throws Exception {}

  /** What the function knows about the element being processed. */
  public abstract class Context {
    /** The element's event timestamp, or null when it has none. */
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
