package io.strom.datastream.windowing;

import io.strom.api.OutputTag;
import io.strom.api.functions.Collector;
import io.strom.api.functions.RichFunction;
import io.strom.datastream.windowing.windows.Window;

/**
 * Evaluates a window of one key when its trigger fires: sees the window's elements (or, after an
 * incremental {@code reduce} or {@code aggregate}, the single pre-aggregated value) and emits any
 * number of results. Results carry the window's {@link Window#maxTimestamp()} as timestamp.
 *
 * <p>{@link #open} and {@link #close} frame the function's life on its task thread; {@link
 * #process} runs on the same thread.
 *
 * @param <IN> the window's elements, or the pre-aggregated value
 * @param <OUT> the results
 * @param <K> the key
 * @param <W> the window
 */
public abstract class ProcessWindowFunction<IN, OUT, K, W extends Window> implements RichFunction {
  private static final long serialVersionUID = 1L;

  /**
   * Evaluates one window. {@code elements} may only be read during the call.
   *
   * @param key the key of the window
   * @param ctx the window and the operator's time
   * @param elements the window's contents
   * @param out where results go
   */
  public abstract void process(K key, Context ctx, Iterable<IN> elements, Collector<OUT> out)
      throws Exception;

  /** What the function knows about the window being evaluated. */
  public abstract class Context {
    /** The window being evaluated. */
    public abstract W window();

    public abstract long currentProcessingTime();

    /** The operator's event time: the last watermark it received. */
    public abstract long currentWatermark();

    /** Emits to a side output, with the window's maximum timestamp. */
    public abstract <X> void output(OutputTag<X> outputTag, X value);
  }
}
