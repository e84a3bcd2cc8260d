package io.strom.runtime.sql;

import static java.util.Objects.requireNonNull;

import io.strom.api.functions.KeySelector;
import io.strom.api.state.ValueState;
import io.strom.api.state.ValueStateDescriptor;
import io.strom.api.typeinfo.Types;
import io.strom.data.BinaryRow;
import io.strom.data.Row;
import io.strom.data.RowKind;
import io.strom.runtime.operators.AbstractOperator;
import io.strom.runtime.operators.OneInputOperator;
import io.strom.runtime.operators.Output;
import io.strom.runtime.state.KeyedStateAccess;
import io.strom.serde.RowSerializer;
import io.strom.types.RowType;

/**
 * Operator that turns an upsert changelog (rows by primary key, deletes that may carry only the
 * key) into a full changelog: per key it keeps the last row, so an upsert of a known key becomes
 * {@code -U[old]} and {@code +U[new]}, one of a new key {@code +I[new]}, and a delete {@code
 * -D[old]} with the whole old row. Upserts that repeat the stored row and deletes of unknown keys
 * emit nothing. Runs keyed by the primary key.
 *
 * <p>Called only on the task's mailbox thread.
 */
public final class ChangelogNormalizeOperator extends AbstractOperator<Row>
    implements OneInputOperator<Row, Row> {
  private static final long serialVersionUID = 1L;

  private final RowType rowType;
  private final long stateTtlMillis;

  private transient KeySelector<Row, BinaryRow> keySelector;
  private transient KeyedStateAccess<BinaryRow> keys;
  private transient ValueState<Row> lastRow;
  private transient RowSerializer serializer;

  /**
   * @param rowType the type of the rows in and out
   * @param stateTtlMillis how long an idle key's row is kept; 0 keeps it forever
   */
  public ChangelogNormalizeOperator(RowType rowType, long stateTtlMillis) {
    this.rowType = requireNonNull(rowType, "rowType");
    this.stateTtlMillis = stateTtlMillis;
  }

  @Override
  protected void setup() throws Exception {
    keySelector = context.keySelector(0);
    keys = new KeyedStateAccess<>(context.<BinaryRow>keyedStateBackend(), context.operatorName());
    ValueStateDescriptor<Row> descriptor = new ValueStateDescriptor<>("last-row", Types.row(rowType));
    StateTimeToLive.apply(descriptor, stateTtlMillis);
    lastRow = keys.getState(descriptor);
    serializer = new RowSerializer(rowType);
  }

  @Override
  public void processElement(Row input, long timestamp) throws Exception {
    keys.setCurrentKey(keySelector.getKey(input));
    Row previous = lastRow.value();
    switch (input.kind()) {
      case INSERT, UPDATE_AFTER -> upsert(previous, input);
      case DELETE -> {
        if (previous != null) {
          lastRow.clear();
          emit(previous, RowKind.DELETE);
        }
      }
      // An upsert stream has no before-images; one that comes anyway adds nothing.
      case UPDATE_BEFORE -> { }
    }
  }

  private void upsert(Row previous, Row input) throws Exception {
    RowKind inputKind = input.kind();
    input.setKind(RowKind.INSERT);
    // Stored rows are binary and INSERT; compare in the same form.
    BinaryRow current = serializer.toBinary(input).copy();
    input.setKind(inputKind);
    if (previous == null) {
      lastRow.update(current);
      emit(current, RowKind.INSERT);
      return;
    }
    if (stateTtlMillis <= 0 && serializer.toBinary(previous).equals(current)) {
      return; // nothing changed; with a TTL the repeat keeps downstream state alive instead
    }
    lastRow.update(current);
    emit(previous, RowKind.UPDATE_BEFORE);
    emit(current, RowKind.UPDATE_AFTER);
  }

  private void emit(Row row, RowKind kind) {
    Row out = serializer.copy(row);
    out.setKind(kind);
    output.collect(out, Output.NO_TIMESTAMP);
  }
}
