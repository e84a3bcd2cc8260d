package io.strom.runtime.sql.rank;

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
import io.strom.runtime.sql.StateTimeToLive;
import io.strom.runtime.state.KeyedStateAccess;
import io.strom.serde.RowSerializer;
import io.strom.types.RowType;

/**
 * Deduplication over an insert-only stream, keyed by the partition columns: it keeps the first or
 * the last row of each key, by time.
 *
 * <p>On processing time "first" and "last" mean by arrival: keeping the first row emits each key's
 * first row and ignores the rest (insert-only output); keeping the last replaces the key's row with
 * each new one (UPDATE_BEFORE of the old row, UPDATE_AFTER of the new). On event time a row
 * replaces the kept one when its time is earlier (keeping the first) or not earlier (keeping the
 * last), so both emit updates.
 */
public final class DeduplicateOperator extends AbstractOperator<Row>
    implements OneInputOperator<Row, Row> {
  private static final long serialVersionUID = 1L;

  private final RowType inputType;
  private final boolean keepLast;
  private final int rowtimeIndex;
  private final int rowtimePrecision;
  private final long stateTtlMillis;
  /** Whether a replaced row is retracted first (an upsert sink does not need it). */
  private final boolean generateUpdateBefore;

  private transient KeySelector<Row, BinaryRow> keySelector;
  private transient KeyedStateAccess<BinaryRow> keys;
  private transient ValueState<Row> kept;
  private transient ValueState<Boolean> seen;
  private transient RowSerializer rows;

  /**
   * @param rowtimeIndex the event-time field that orders rows, or -1 to order them by arrival
   * @param rowtimePrecision its TIMESTAMP precision
   * @param stateTtlMillis how long an idle key's row lives; 0 keeps it forever
   */
  public DeduplicateOperator(
      RowType inputType, boolean keepLast, int rowtimeIndex, int rowtimePrecision,
      boolean generateUpdateBefore, long stateTtlMillis) {
    this.inputType = requireNonNull(inputType, "inputType");
    this.keepLast = keepLast;
    this.rowtimeIndex = rowtimeIndex;
    this.rowtimePrecision = rowtimePrecision;
    this.generateUpdateBefore = generateUpdateBefore;
    this.stateTtlMillis = stateTtlMillis;
  }

  private boolean keepsFirstByArrival() {
    return rowtimeIndex < 0 && !keepLast;
  }

  @Override
  protected void setup() throws Exception {
    keySelector = context.keySelector(0);
    keys = new KeyedStateAccess<>(context.<BinaryRow>keyedStateBackend(), context.operatorName());
    if (keepsFirstByArrival()) {
      // Only whether the key was seen matters: its row has gone downstream for good.
      seen = keys.getState(StateTimeToLive.apply(
          new ValueStateDescriptor<>("deduplicate-seen", Types.BOOLEAN), stateTtlMillis));
    } else {
      kept = keys.getState(StateTimeToLive.apply(
          new ValueStateDescriptor<>("deduplicate-row", Types.row(inputType)), stateTtlMillis));
      rows = new RowSerializer(inputType);
    }
  }

  @Override
  public void processElement(Row input, long timestamp) throws Exception {
    if (input.kind() != RowKind.INSERT) {
      throw new IllegalStateException("Bug: a deduplication received " + input.kind());
    }
    keys.setCurrentKey(keySelector.getKey(input));
    if (keepsFirstByArrival()) {
      if (seen.value() == null) {
        seen.update(Boolean.TRUE);
        output.collect(input, timestamp);
      }
      return;
    }
    if (rowtimeIndex >= 0 && input.isNullAt(rowtimeIndex)) {
      return;
    }
    Row previous = kept.value();
    if (previous != null && !replaces(input, previous)) {
      return;
    }
    Row current = rows.copy(input);
    kept.update(current);
    if (previous == null) {
      output.collect(input, timestamp);
      return;
    }
    if (generateUpdateBefore) {
      output.collect(RankedRow.of(previous, RowKind.UPDATE_BEFORE, 0, false), timestamp);
    }
    output.collect(RankedRow.of(current, RowKind.UPDATE_AFTER, 0, false), timestamp);
  }

  private boolean replaces(Row input, Row previous) {
    if (rowtimeIndex < 0) {
      return true;
    }
    int c = input.getTimestamp(rowtimeIndex, rowtimePrecision)
        .compareTo(previous.getTimestamp(rowtimeIndex, rowtimePrecision));
    return keepLast ? c >= 0 : c < 0;
  }
}
