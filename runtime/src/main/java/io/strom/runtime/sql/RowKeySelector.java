package io.strom.runtime.sql;

import static java.util.Objects.requireNonNull;

import io.strom.api.functions.KeySelector;
import io.strom.data.BinaryRow;
import io.strom.data.Row;
import io.strom.runtime.generated.GeneratedClass;
import io.strom.runtime.generated.Projection;
import io.strom.runtime.graph.KeyHashing;

/**
 * The key of a SQL row (grouping or join columns) as a binary row, extracted by a generated
 * {@link Projection}. Binary rows compare and hash by their bytes, so equal keys land on the same
 * subtask and the same state entry whatever the JVM.
 */
public final class RowKeySelector
    implements KeySelector<Row, BinaryRow>, KeyHashing<Row>, TransientKeys<Row, BinaryRow> {
  private static final long serialVersionUID = 1L;

  private final GeneratedClass<Projection> projection;
  private transient Projection instance;

  public RowKeySelector(GeneratedClass<Projection> projection) {
    this.projection = requireNonNull(projection, "projection");
  }

  @Override
  public BinaryRow getKey(Row row) {
    // The projection reuses its buffer; the key outlives this call (in state), so it is copied.
    return project(row).copy();
  }

  /** The key in the projection's buffer, for a caller that keeps nothing of it: no copy. */
  @Override
  public BinaryRow transientKey(Row row) {
    return project(row);
  }

  /** Hashes the projected key in the projection's buffer: routing keeps no key, so no copy. */
  @Override
  public int keyHashCode(Row row) {
    return project(row).hashCode();
  }

  private BinaryRow project(Row row) {
    if (instance == null) {
      // Compiled on first use: a selector runs both in the producer (to route) and the consumer.
      instance = projection.newInstance(RowKeySelector.class.getClassLoader());
    }
    return instance.apply(row);
  }
}
