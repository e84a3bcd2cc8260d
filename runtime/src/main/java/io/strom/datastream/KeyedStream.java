package io.strom.datastream;

import io.strom.api.functions.KeySelector;
import io.strom.runtime.graph.Partitioners;

/**
 * A stream partitioned by key. Operators applied to it run keyed: they have state and timers per
 * key, and every element with the same key reaches the same parallel instance.
 */
public class KeyedStream<T, K> extends DataStream<T> {
  private final KeySelector<T, K> keySelector;

  KeyedStream(DataStream<T> input, KeySelector<T, K> keySelector) {
    super(
        input.env,
        input.withPartitioner(Partitioners.hash(keySelector, input.env.getMaxParallelism())).inputs,
        input.type);
    this.keySelector = keySelector;
  }

  public KeySelector<T, K> getKeySelector() {
    return keySelector;
  }
}
