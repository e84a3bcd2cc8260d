package io.strom.data;

/** The internal value of an {@code ARRAY}: a fixed number of elements read by typed getters. */
public interface ArrayData extends DataGetters {

  /** The number of elements. */
  int size();
}
