package io.strom.datastream;

import static java.util.Objects.requireNonNull;

import io.strom.api.OutputTag;
import io.strom.api.functions.AggregateFunction;
import io.strom.api.functions.ReduceFunction;
import io.strom.api.typeinfo.TypeInfo;
import io.strom.datastream.operators.InternalWindowFunction;
import io.strom.datastream.operators.WindowContents;
import io.strom.datastream.operators.WindowOperator;
import io.strom.datastream.windowing.ProcessWindowFunction;
import io.strom.datastream.windowing.assigners.WindowAssigner;
import io.strom.datastream.windowing.triggers.Trigger;
import io.strom.datastream.windowing.windows.Window;
import java.time.Duration;

/**
 * A keyed stream grouped into windows, waiting for the function that evaluates each window. Set the
 * trigger, allowed lateness and late-data output first, then call {@link #reduce}, {@link
 * #aggregate} or {@link #process}, which add the window operator to the program.
 *
 * <p>{@code reduce} and {@code aggregate} keep one value per window and key, updated as elements
 * arrive; {@code process} keeps every element until the window fires. Results carry the window's
 * {@link Window#maxTimestamp()} as their timestamp.
 *
 * <p>Like the rest of the DataStream API, used on the thread that builds the program.
 *
 * @param <T> the elements
 * @param <K> the key
 * @param <W> the windows
 */
public class WindowedStream<T, K, W extends Window> {
  private final KeyedStream<T, K> input;
  private final WindowAssigner<? super T, W> assigner;
  private Trigger<? super T, ? super W> trigger;
  private long allowedLatenessMillis;
  private OutputTag<T> lateDataTag;

  WindowedStream(KeyedStream<T, K> input, WindowAssigner<? super T, W> assigner) {
    this.input = requireNonNull(input, "input");
    this.assigner = requireNonNull(assigner, "assigner");
    this.trigger = assigner.defaultTrigger();
  }

  /** Replaces the assigner's default trigger, which decides when windows are evaluated. */
  public WindowedStream<T, K, W> trigger(Trigger<? super T, ? super W> trigger) {
    this.trigger = requireNonNull(trigger, "trigger");
    return this;
  }

  /**
   * Keeps event-time windows for {@code lateness} after the watermark passed their end: elements
   * arriving meanwhile are added and the window is evaluated again (with the default trigger, at
   * once). Defaults to zero. Ignored by processing-time windows.
   */
  public WindowedStream<T, K, W> allowedLateness(Duration lateness) {
    requireNonNull(lateness, "lateness");
    if (lateness.isNegative()) {
      throw new IllegalArgumentException("Allowed lateness must not be negative, was " + lateness);
    }
    this.allowedLatenessMillis = lateness.toMillis();
    return this;
  }

  /**
   * Sends elements that arrive after their windows were removed to the side output {@code tag},
   * instead of dropping them; read it with {@link SingleOutputStreamOperator#getSideOutput}.
   */
  public WindowedStream<T, K, W> sideOutputLateData(OutputTag<T> tag) {
    this.lateDataTag = requireNonNull(tag, "tag");
    return this;
  }

  /** Reduces each window's elements to one value as they arrive, and emits it when it fires. */
  public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> function) {
    return build(
        WindowContents.reducing(function, input.getType()),
        InternalWindowFunction.<T, K, W>passThrough(),
        input.getType());
  }

  /**
   * Reduces each window's elements as they arrive; when the window fires, {@code function} gets the
   * reduced value (as its only element) together with the window.
   */
  public <R> SingleOutputStreamOperator<R> reduce(
      ReduceFunction<T> reducer, ProcessWindowFunction<T, R, K, W> function) {
    return build(
        WindowContents.reducing(reducer, input.getType()),
        InternalWindowFunction.ofSingleValue(function),
        TypeInfo.generic());
  }

  /** Aggregates each window's elements as they arrive, and emits the result when it fires. */
  public <ACC, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, R> function) {
    return build(
        WindowContents.aggregating(function, TypeInfo.<ACC>generic()),
        InternalWindowFunction.<R, K, W>passThrough(),
        TypeInfo.generic());
  }

  /**
   * Aggregates each window's elements as they arrive; when the window fires, {@code function} gets
   * the aggregate's result (as its only element) together with the window.
   */
  public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(
      AggregateFunction<T, ACC, V> aggregate, ProcessWindowFunction<V, R, K, W> function) {
    return build(
        WindowContents.aggregating(aggregate, TypeInfo.<ACC>generic()),
        InternalWindowFunction.ofSingleValue(function),
        TypeInfo.generic());
  }

  /** Keeps every element of a window and hands them all to {@code function} when it fires. */
  public <R> SingleOutputStreamOperator<R> process(ProcessWindowFunction<T, R, K, W> function) {
    return build(
        WindowContents.list(input.getType()),
        InternalWindowFunction.ofElements(function),
        TypeInfo.generic());
  }

  private <C, R> SingleOutputStreamOperator<R> build(
      WindowContents<T, C> contents,
      InternalWindowFunction<C, R, K, W> function,
      TypeInfo<R> outputType) {
    WindowOperator<K, T, C, R, W> operator =
        new WindowOperator<>(
            assigner, trigger, contents, function, allowedLatenessMillis, lateDataTag);
    String name = "Window(" + assigner + ", " + trigger + ", " + contents.describe() + ")";
    return input.env.addOperator(name, operator, input, outputType);
  }
}
