package io.strom.runtime.sql;

import static java.util.Objects.requireNonNull;

import io.strom.api.functions.KeySelector;
import io.strom.data.BinaryRow;
import io.strom.data.Row;
import io.strom.runtime.generated.CalcFunction;
import io.strom.runtime.generated.GeneratedClass;
import io.strom.serde.RowSerializer;
import io.strom.types.RowType;

/**
 * A key computed by generated code rather than copied: join keys of different types on the two
 * sides (INT and BIGINT) are cast to a common type, so equal values make equal binary keys.
 */
public final class ComputedKeySelector
    implements KeySelector<Row, BinaryRow>, io.strom.runtime.graph.KeyHashing<Row>,
        TransientKeys<Row, BinaryRow> {
  private static final long serialVersionUID = 1L;

  private final GeneratedClass<CalcFunction> computation;
  private final RowType keyType;
  private transient CalcFunction function;
  private transient RowSerializer serializer;

  public ComputedKeySelector(GeneratedClass<CalcFunction> computation, RowType keyType) {
    this.computation = requireNonNull(computation, "computation");
    this.keyType = requireNonNull(keyType, "keyType");
  }

  @Override
  public BinaryRow getKey(Row row) throws Exception {
    // The key outlives this call (in state), so it is copied out of the reused buffer.
    return computedKey(row).copy();
  }

  /** The key where it was computed, for a caller that keeps nothing of it: no copy. */
  @Override
  public BinaryRow transientKey(Row row) throws Exception {
    return computedKey(row);
  }

  /** Hashes the key where it was computed: routing keeps no key, so no copy. */
  @Override
  public int keyHashCode(Row row) throws Exception {
    return computedKey(row).hashCode();
  }

  /** The key of {@code row}, valid until the next call. */
  private BinaryRow computedKey(Row row) throws Exception {
    if (function == null) {
      function = computation.newInstance(ComputedKeySelector.class.getClassLoader());
      function.open(io.strom.api.functions.FunctionContext.utc());
      serializer = new RowSerializer(keyType);
    }
    Row computed = function.apply(row);
    BinaryRow key = serializer.toBinary(computed);
    // The computation's row carries the input's change kind; a key is always an insert (the kind
    // is part of a binary row's bytes, so of its equality).
    if (key.kind() != io.strom.data.RowKind.INSERT) {
      if (key == computed) {
        key = key.copy(); // the computation's own row: not this selector's to change
      }
      key.setKind(io.strom.data.RowKind.INSERT);
    }
    return key;
  }
}
