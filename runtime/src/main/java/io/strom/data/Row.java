package io.strom.data;

/**
 * A row of SQL values with its change kind: the unit of data in the runtime.
 *
 * <p>Two forms exist: {@link GenericRow}, an object form that is cheap to build field by field,
 * and {@link BinaryRow}, a compact byte form used for state, keys and exchanges. Fields are read
 * with the typed getters of {@link DataGetters}, which never box.
 */
public interface Row extends DataGetters {

  /** The number of fields. */
  int arity();

  RowKind kind();

  void setKind(RowKind kind);
}
