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
public final class ComputedKeySelector implements KeySelector<Row, BinaryRow> {
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
    if (function == null) {
      function = computation.newInstance(ComputedKeySelector.class.getClassLoader());
      function.open(io.strom.api.functions.FunctionContext.utc());
      serializer = new RowSerializer(keyType);
    }
    BinaryRow key = serializer.toBinary(function.apply(row)).copy();
    key.setKind(io.strom.data.RowKind.INSERT);
    return key;
  }
}
