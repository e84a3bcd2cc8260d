package io.strom.connector.datagen;

import io.strom.data.GenericRow;
import java.io.Serializable;
import java.util.SplittableRandom;

/**
 * Makes the values of one column (or of the elements of a collection) from the row's index and a
 * reader's random source. Sequences use the index, so parallel readers, which own disjoint index
 * ranges, never repeat a value.
 */
abstract class FieldGenerator implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The value for row {@code index} as an internal value (boxed), or null. */
  abstract Object next(long index, SplittableRandom random);

  /** Sets the value for row {@code index} into {@code row}; primitive generators avoid boxing. */
  void set(GenericRow row, int pos, long index, SplittableRandom random) {
    row.setField(pos, next(index, random));
  }
}
