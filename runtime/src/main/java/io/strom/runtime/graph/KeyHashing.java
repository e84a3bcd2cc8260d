package io.strom.runtime.graph;

/**
 * A key selector that can give the hash code of a record's key without building a key that
 * outlives the call. A hash exchange only needs the key's hash to route a record, and building a
 * lasting key per record (a copy of its bytes) is work the exchange throws away at once.
 */
public interface KeyHashing<T> {

  /** Equal to {@code getKey(record).hashCode()} of the same selector, always. */
  int keyHashCode(T record) throws Exception;
}
