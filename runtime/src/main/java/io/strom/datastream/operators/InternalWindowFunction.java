package io.strom.datastream.operators;

import static java.util.Objects.requireNonNull;

import io.strom.api.OutputTag;
import io.strom.api.functions.Collector;
import io.strom.api.functions.RuntimeContext;
import io.strom.datastream.windowing.ProcessWindowFunction;
import io.strom.datastream.windowing.windows.Window;
import java.io.Serializable;
import java.util.Collections;

/**
 * Turns the contents of a fired window into output: emits a pre-aggregated value as it is, or hands
 * the contents to a {@link ProcessWindowFunction}. Called only on the task's thread.
 *
 * @param <C> the window's contents as kept by {@link WindowContents}
 * @param <OUT> the results
 * @param <K> the key
 * @param <W> the window
 */
public abstract class InternalWindowFunction<C, OUT, K, W extends Window> implements Serializable {
  private static final long serialVersionUID = 1L;

  private InternalWindowFunction() {}

  /** Emits the window's contents (a reduced value or an aggregate's result) as the result. */
  public static <T, K, W extends Window> InternalWindowFunction<T, T, K, W> passThrough() {
    return new PassThrough<>();
  }

  /** Hands all the window's elements to {@code function}. */
  public static <IN, OUT, K, W extends Window>
      InternalWindowFunction<Iterable<IN>, OUT, K, W> ofElements(
          ProcessWindowFunction<IN, OUT, K, W> function) {
    return new OfElements<>(function);
  }

  /** Hands the window's one pre-aggregated value to {@code function}. */
  public static <V, OUT, K, W extends Window> InternalWindowFunction<V, OUT, K, W> ofSingleValue(
      ProcessWindowFunction<V, OUT, K, W> function) {
    return new OfSingleValue<>(function);
  }

  void open(RuntimeContext runtimeContext) throws Exception {}

  void close() throws Exception {}

  abstract void process(K key, C contents, Firing<W> firing, Collector<OUT> out) throws Exception;

  /** What the operator tells a window function about the window firing. */
  interface Firing<W> {
    W window();

    long currentProcessingTime();

    long currentWatermark();

    <X> void output(OutputTag<X> tag, X value);
  }

  private static final class PassThrough<T, K, W extends Window>
      extends InternalWindowFunction<T, T, K, W> {
    private static final long serialVersionUID = 1L;

    @Override
    void process(K key, T contents, Firing<W> firing, Collector<T> out) {
      out.collect(contents);
    }
  }

  /** Runs a process window function; the context it sees reads the current firing. */
  private abstract static class UserFunction<C, V, OUT, K, W extends Window>
      extends InternalWindowFunction<C, OUT, K, W> {
    private static final long serialVersionUID = 1L;

    final ProcessWindowFunction<V, OUT, K, W> function;
    private transient FiringContext context;

    UserFunction(ProcessWindowFunction<V, OUT, K, W> function) {
      this.function = requireNonNull(function, "function");
    }

    @Override
    final void open(RuntimeContext runtimeContext) throws Exception {
      context = new FiringContext();
      function.open(runtimeContext);
    }

    @Override
    final void close() throws Exception {
      function.close();
    }

    final void run(K key, Iterable<V> elements, Firing<W> firing, Collector<OUT> out)
        throws Exception {
      context.firing = firing;
      function.process(key, context, elements, out);
    }

    private final class FiringContext extends ProcessWindowFunction<V, OUT, K, W>.Context {
      private Firing<W> firing;

      FiringContext() {
        function.super();
      }

      @Override
      public W window() {
        return firing.window();
      }

      @Override
      public long currentProcessingTime() {
        return firing.currentProcessingTime();
      }

      @Override
      public long currentWatermark() {
        return firing.currentWatermark();
      }

      @Override
      public <X> void output(OutputTag<X> outputTag, X value) {
        firing.output(outputTag, value);
      }
    }
  }

  private static final class OfElements<IN, OUT, K, W extends Window>
      extends UserFunction<Iterable<IN>, IN, OUT, K, W> {
    private static final long serialVersionUID = 1L;

    OfElements(ProcessWindowFunction<IN, OUT, K, W> function) {
      super(function);
    }

    @Override
    void process(K key, Iterable<IN> contents, Firing<W> firing, Collector<OUT> out)
        throws Exception {
      run(key, contents, firing, out);
    }
  }

  private static final class OfSingleValue<V, OUT, K, W extends Window>
      extends UserFunction<V, V, OUT, K, W> {
    private static final long serialVersionUID = 1L;

    OfSingleValue(ProcessWindowFunction<V, OUT, K, W> function) {
      super(function);
    }

    @Override
    void process(K key, V contents, Firing<W> firing, Collector<OUT> out) throws Exception {
      run(key, Collections.singletonList(contents), firing, out);
    }
  }
}
