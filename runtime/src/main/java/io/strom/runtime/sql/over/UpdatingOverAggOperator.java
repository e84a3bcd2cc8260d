package io.strom.runtime.sql.over;

import static java.util.Objects.requireNonNull;

import io.strom.api.functions.KeySelector;
import io.strom.api.state.ListState;
import io.strom.api.state.ListStateDescriptor;
import io.strom.api.typeinfo.Types;
import io.strom.data.BinaryRow;
import io.strom.data.GenericRow;
import io.strom.data.JoinedRow;
import io.strom.data.Row;
import io.strom.data.RowKind;
import io.strom.runtime.generated.GeneratedClass;
import io.strom.runtime.generated.RecordComparator;
import io.strom.runtime.operators.AbstractOperator;
import io.strom.runtime.operators.OneInputOperator;
import io.strom.runtime.operators.Output;
import io.strom.runtime.sql.SortedRowLists;
import io.strom.runtime.sql.StateTimeToLive;
import io.strom.runtime.sql.agg.AggsHandler;
import io.strom.runtime.state.KeyedStateAccess;
import io.strom.serde.RowSerializer;
import io.strom.types.RowType;
import java.util.Arrays;
import java.util.List;

/**
 * An OVER aggregation over an updating input, keyed by the partition columns: its output is the
 * input table with each row's frame values appended, kept up to date as the input changes.
 *
 * <p>Per key it keeps the partition's rows sorted by the ORDER BY keys, ties broken by the other
 * columns (left to right, ascending, NULLs first) and, where those are equal or cannot be
 * compared, by the rows' binary form, so the order never depends on arrival. Next to each row it
 * keeps the values last emitted for it. A change inserts or removes one row; the rows whose frame
 * contains it (ROWS frames: the n rows after it; UNBOUNDED frames and RANGE peers: every row from
 * it, or from its first peer, on) get their values computed afresh from their frames, and each
 * whose values differ is updated ({@code -U} old, {@code +U} new). The new row comes out as a
 * {@code +I}, a removed one as a {@code -D} with its last values. Frames are computed from scratch,
 * so the functions need not retract; the cost of a change grows with the rows after it (UNBOUNDED)
 * or with the square of n (ROWS n PRECEDING).
 */
public final class UpdatingOverAggOperator extends AbstractOperator<Row>
    implements OneInputOperator<Row, Row> {
  private static final long serialVersionUID = 1L;
  private static final Row NO_KEY = new GenericRow(0);

  private final GeneratedClass<AggsHandler> handlerCode;
  private final GeneratedClass<RecordComparator> peerOrderCode;
  private final GeneratedClass<RecordComparator> rowOrderCode;
  private final RowType inputType;
  private final RowType valuesType;
  private final OverWindowSpec spec;
  /** Whether an updated row retracts its old values first (an upsert sink does not need it). */
  private final boolean generateUpdateBefore;
  private final long stateTtlMillis;

  private transient KeySelector<Row, BinaryRow> keySelector;
  private transient KeyedStateAccess<BinaryRow> keys;
  private transient ListState<Row> sortedRows;
  private transient ListState<Row> rowValues;
  private transient AggsHandler handler;
  private transient RecordComparator peers;
  private transient RecordComparator order;
  private transient RowSerializer rows;
  private transient RowSerializer values;

  /**
   * @param handlerCode the aggregate functions, without retraction
   * @param peerOrderCode compares the ORDER BY keys only: rows it finds equal are peers
   * @param rowOrderCode compares the ORDER BY keys, then the other comparable columns
   * @param valuesType the types of the aggregate values appended to each row
   * @param spec the frame: ROWS with n or UNBOUNDED PRECEDING, or RANGE UNBOUNDED PRECEDING
   * @param generateUpdateBefore whether an updated row retracts its old values first
   * @param stateTtlMillis how long an idle key's rows live; 0 keeps them forever
   */
  public UpdatingOverAggOperator(
      GeneratedClass<AggsHandler> handlerCode,
      GeneratedClass<RecordComparator> peerOrderCode,
      GeneratedClass<RecordComparator> rowOrderCode,
      RowType inputType,
      RowType valuesType,
      OverWindowSpec spec,
      boolean generateUpdateBefore,
      long stateTtlMillis) {
    this.handlerCode = requireNonNull(handlerCode, "handlerCode");
    this.peerOrderCode = requireNonNull(peerOrderCode, "peerOrderCode");
    this.rowOrderCode = requireNonNull(rowOrderCode, "rowOrderCode");
    this.inputType = requireNonNull(inputType, "inputType");
    this.valuesType = requireNonNull(valuesType, "valuesType");
    this.spec = requireNonNull(spec, "spec");
    if (!spec.rows() && !spec.unbounded()) {
      throw new IllegalArgumentException("Bug: RANGE frames with an offset need an insert-only input");
    }
    this.generateUpdateBefore = generateUpdateBefore;
    this.stateTtlMillis = stateTtlMillis;
  }

  @Override
  protected void setup() throws Exception {
    keySelector = context.keySelector(0);
    keys = new KeyedStateAccess<>(context.<BinaryRow>keyedStateBackend(), context.operatorName());
    sortedRows = keys.getListState(StateTimeToLive.apply(
        new ListStateDescriptor<>("over-sorted-rows", Types.row(inputType)), stateTtlMillis));
    rowValues = keys.getListState(StateTimeToLive.apply(
        new ListStateDescriptor<>("over-row-values", Types.row(valuesType)), stateTtlMillis));
    handler = io.strom.runtime.sql.agg.AggsHandlers.open(handlerCode,
        io.strom.runtime.sql.SqlFunctions.functionContext(context), keys, stateTtlMillis);
    peers = peerOrderCode.newInstance(context.userCodeClassLoader());
    RecordComparator columns = rowOrderCode.newInstance(context.userCodeClassLoader());
    order = (left, right) -> {
      int c = columns.compare(left, right);
      return c != 0 ? c : compareBytes((BinaryRow) left, (BinaryRow) right);
    };
    rows = new RowSerializer(inputType);
    values = new RowSerializer(valuesType);
  }

  private static int compareBytes(BinaryRow left, BinaryRow right) {
    return Arrays.compareUnsigned(
        left.bytes(), left.offset(), left.offset() + left.sizeInBytes(),
        right.bytes(), right.offset(), right.offset() + right.sizeInBytes());
  }

  @Override
  public void processElement(Row input, long timestamp) throws Exception {
    keys.setCurrentKey(keySelector.getKey(input));
    List<Row> sorted = SortedRowLists.mutableCopy(sortedRows.get());
    List<Row> shown = SortedRowLists.mutableCopy(rowValues.get());
    BinaryRow content = SortedRowLists.content(rows, input);
    int position;
    int changedUntil;
    if (SortedRowLists.isAccumulate(input)) {
      position = SortedRowLists.insertionPoint(sorted, content, order);
      sorted.add(position, content);
      shown.add(position, null);
      changedUntil = position + 1;
    } else {
      position = SortedRowLists.indexOf(sorted, content, order);
      if (position < 0) {
        // Never stored, or expired by the state's time-to-live: nothing of it is shown.
        return;
      }
      emit(sorted.remove(position), shown.remove(position), RowKind.DELETE);
      changedUntil = position;
    }
    int from = spec.rows() ? position : SortedRowLists.lowerBound(sorted, content, peers);
    int to = spec.unbounded()
        ? sorted.size() : (int) Math.min(sorted.size(), changedUntil + spec.preceding());
    recompute(sorted, shown, from, to);
    if (sorted.isEmpty()) {
      sortedRows.clear();
      rowValues.clear();
    } else {
      sortedRows.update(sorted);
      rowValues.update(shown);
    }
  }

  /** Computes the values of rows {@code from} to {@code to} (exclusive) and emits changes. */
  private void recompute(List<Row> sorted, List<Row> shown, int from, int to) throws Exception {
    if (from >= to) {
      return;
    }
    int accumulated = 0;
    if (spec.unbounded()) {
      reset();
      // Every row before the first changed one counts towards it, as before the change.
      for (; accumulated < from; accumulated++) {
        handler.accumulate(sorted.get(accumulated));
      }
    }
    for (int i = from; i < to; i++) {
      Row now;
      if (spec.unbounded()) {
        // ROWS: up to the row itself; RANGE: up to its last peer.
        int last = spec.rows() ? i : lastPeer(sorted, i);
        for (; accumulated <= last; accumulated++) {
          handler.accumulate(sorted.get(accumulated));
        }
        now = values.toBinary(handler.getValue(NO_KEY)).copy();
      } else {
        reset();
        for (int j = (int) Math.max(0, i - spec.preceding()); j <= i; j++) {
          handler.accumulate(sorted.get(j));
        }
        now = values.toBinary(handler.getValue(NO_KEY)).copy();
      }
      Row old = shown.get(i);
      if (old == null) {
        emit(sorted.get(i), now, RowKind.INSERT);
      } else if (!old.equals(now)) {
        if (generateUpdateBefore) {
          emit(sorted.get(i), old, RowKind.UPDATE_BEFORE);
        }
        emit(sorted.get(i), now, RowKind.UPDATE_AFTER);
      }
      shown.set(i, now);
    }
  }

  private int lastPeer(List<Row> sorted, int i) {
    int last = i;
    while (last + 1 < sorted.size() && peers.compare(sorted.get(last + 1), sorted.get(i)) == 0) {
      last++;
    }
    return last;
  }

  /** Fresh accumulators for the current key, with its distinct-value views emptied. */
  private void reset() throws Exception {
    handler.cleanup();
    handler.setAccumulators(handler.createAccumulators());
  }

  private void emit(Row row, Row rowValues, RowKind kind) {
    JoinedRow joined = new JoinedRow(row, rowValues);
    joined.setKind(kind);
    output.collect(joined, Output.NO_TIMESTAMP);
  }

  @Override
  public void close() throws Exception {
    if (handler != null) {
      handler.close();
    }
  }
}
