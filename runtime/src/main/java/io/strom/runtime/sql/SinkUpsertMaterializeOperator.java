package io.strom.runtime.sql;

import static java.util.Objects.requireNonNull;

import io.strom.api.functions.KeySelector;
import io.strom.api.state.ListState;
import io.strom.api.state.ListStateDescriptor;
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
import java.util.ArrayList;
import java.util.List;

/**
 * Operator that turns a full changelog into upserts by a sink's primary key when the query's own
 * changes are keyed differently (Flink's SinkUpsertMaterializer): per sink key it keeps every row
 * the query currently holds for it, in arrival order, and the sink's row for the key is the latest.
 * An insert or update appends the row (an equal row is replaced in place) and is written as the
 * key's row; a retraction removes the equal row, and if that was the latest the one before it is
 * written again, or, when none is left, the key is deleted. Retractions of rows it does not hold
 * (state expired) emit nothing. Runs keyed by the sink's primary key.
 *
 * <p>Called only on the task's mailbox thread.
 */
public final class SinkUpsertMaterializeOperator extends AbstractOperator<Row>
    implements OneInputOperator<Row, Row> {
  private static final long serialVersionUID = 1L;

  private final RowType rowType;
  private final long stateTtlMillis;

  private transient KeySelector<Row, BinaryRow> keySelector;
  private transient KeyedStateAccess<BinaryRow> keys;
  private transient ListState<Row> rows;
  private transient RowSerializer serializer;

  /**
   * @param rowType the type of the rows in and out
   * @param stateTtlMillis how long an idle key's rows are kept; 0 keeps them forever
   */
  public SinkUpsertMaterializeOperator(RowType rowType, long stateTtlMillis) {
    this.rowType = requireNonNull(rowType, "rowType");
    this.stateTtlMillis = stateTtlMillis;
  }

  @Override
  protected void setup() throws Exception {
    keySelector = context.keySelector(0);
    keys = new KeyedStateAccess<>(context.<BinaryRow>keyedStateBackend(), context.operatorName());
    ListStateDescriptor<Row> descriptor = new ListStateDescriptor<>("rows", Types.row(rowType));
    StateTimeToLive.apply(descriptor, stateTtlMillis);
    rows = keys.getListState(descriptor);
    serializer = new RowSerializer(rowType);
  }

  @Override
  public void processElement(Row input, long timestamp) throws Exception {
    keys.setCurrentKey(keySelector.getKey(input));
    List<BinaryRow> held = new ArrayList<>();
    for (Row row : rows.get()) {
      held.add(serializer.toBinary(row).copy());
    }
    BinaryRow row = binaryInsert(input);
    switch (input.kind()) {
      case INSERT, UPDATE_AFTER -> {
        int equal = held.indexOf(row);
        if (equal >= 0) {
          held.set(equal, row);
        } else {
          held.add(row);
        }
        rows.update(new ArrayList<>(held));
        emit(row, held.size() == 1 ? RowKind.INSERT : RowKind.UPDATE_AFTER);
      }
      case UPDATE_BEFORE, DELETE -> {
        int index = held.indexOf(row);
        if (index < 0) {
          return;
        }
        boolean wasLatest = index == held.size() - 1;
        held.remove(index);
        rows.update(new ArrayList<>(held));
        if (held.isEmpty()) {
          emit(row, RowKind.DELETE);
        } else if (wasLatest) {
          emit(held.get(held.size() - 1), RowKind.UPDATE_AFTER);
        }
      }
    }
  }

  /** The row as stored: binary, kind INSERT, so equal rows compare equal whatever their kind. */
  private BinaryRow binaryInsert(Row input) {
    RowKind kind = input.kind();
    input.setKind(RowKind.INSERT);
    BinaryRow binary = serializer.toBinary(input).copy();
    input.setKind(kind);
    return binary;
  }

  private void emit(Row row, RowKind kind) {
    Row out = serializer.copy(row);
    out.setKind(kind);
    output.collect(out, Output.NO_TIMESTAMP);
  }
}
