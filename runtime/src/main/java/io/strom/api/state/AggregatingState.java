package io.strom.api.state;

/** An accumulator per key that values are added to; {@link #get} returns its result. */
public interface AggregatingState<IN, OUT> extends State {
  /** The aggregate's result, or {@code null} when nothing was added. */
  OUT get();

  void add(IN value);
}
