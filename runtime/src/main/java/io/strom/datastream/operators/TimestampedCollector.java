package io.strom.datastream.operators;

import io.strom.api.OutputTag;
import io.strom.api.functions.Collector;
import io.strom.runtime.operators.Output;

/** A collector that emits with the timestamp of the element (or timer) being processed. */
final class TimestampedCollector<T> implements Collector<T> {
  private final Output<T> output;
  private long timestamp = Output.NO_TIMESTAMP;

  TimestampedCollector(Output<T> output) {
    this.output = output;
  }

  void setTimestamp(long timestamp) {
    this.timestamp = timestamp;
  }

  long timestamp() {
    return timestamp;
  }

  /** The timestamp as process functions report it: null when the element has none. */
  Long timestampOrNull() {
    return timestamp == Output.NO_TIMESTAMP ? null : timestamp;
  }

  /** Emits to a side output with the current timestamp. */
  <X> void collect(OutputTag<X> tag, X value) {
    output.collect(tag, value, timestamp);
  }

  @Override
  public void collect(T record) {
    output.collect(record, timestamp);
  }
}
