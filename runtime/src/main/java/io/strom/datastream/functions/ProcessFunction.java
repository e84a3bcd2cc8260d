package io.strom.datastream.functions;

import io.strom.api.OutputTag;
import io.strom.api.functions.Collector;
import io.strom.api.functions.RichFunction;

/**
 * The most general function on a stream: sees each element with its timestamp, may emit any number
 * of elements to the main and side outputs, and (on a keyed stream) set timers.
 */
public abstract class ProcessFunction<I, O> implements RichFunction {
  private static final long serialVersionUID = 1L;

  public abstract void processElement(I value, Context ctx, Collector<O> out) throws Exception;

  /** A timer set through {@link Context#timerService()} fired. */
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<O> out) throws Exception {}

  /** What a process function knows about the element being processed. */
  public abstract class Context {
    /** The element's event timestamp, or null when it has none. */
    public abstract Long timestamp();

    public abstract TimerService timerService();

    public abstract <X> void output(OutputTag<X> outputTag, X value);
  }

  /** What a process function knows about the timer firing. */
  public abstract class OnTimerContext extends Context {
    public abstract TimeDomain timeDomain();
  }
}
