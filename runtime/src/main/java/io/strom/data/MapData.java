package io.strom.data;

/**
 * The internal value of a {@code MAP} or {@code MULTISET}: parallel arrays of keys and values,
 * where the value at a position belongs to the key at the same position.
 */
public interface MapData {

  int size();

  ArrayData keyArray();

  ArrayData valueArray();
}
