package io.strom.runtime.sql;

/**
 * A key selector that can give a record's key in an object it reuses, valid until its next call.
 * A caller that only looks the key up at once and keeps nothing of it (a lookup join probing its
 * table) is spared the copy that a key kept in state needs.
 */
public interface TransientKeys<T, K> {

  /**
   * Equal to {@code getKey(record)} of the same selector, but overwritten by the next call: a
   * caller that keeps the key, or gives it to code that may, copies it.
   */
  K transientKey(T record) throws Exception;
}
