package io.strom.runtime.state;

/** An accumulator per (key, namespace) that values are added to. */
public interface InternalAggregatingState<K, N, IN, ACC, OUT> extends InternalMergingState<K, N> {
  /** The aggregate's result, or null when nothing was added. */
  OUT get(K key, N namespace);

  /** The accumulator itself, or null when nothing was added. */
  ACC getAccumulator(K key, N namespace);

  void add(K key, N namespace, IN value) throws Exception;
}
