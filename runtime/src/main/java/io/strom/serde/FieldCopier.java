package io.strom.serde;

import io.strom.data.BinaryWriter;
import io.strom.data.DataGetters;

/**
 * Copies one position of one SQL type from any row or array into a binary writer, with the typed
 * getter and writer for that type, so no value is boxed. Built by {@link FieldCopiers}.
 */
@FunctionalInterface
public interface FieldCopier {

  /** Copies position {@code pos} of {@code from}, NULL included, to position {@code pos} of {@code to}. */
  void copy(DataGetters from, int pos, BinaryWriter to);
}
