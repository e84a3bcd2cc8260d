package io.strom.runtime.sql.rank;

import static java.util.Objects.requireNonNull;

import io.strom.api.functions.KeySelector;
import io.strom.api.state.ListState;
import io.strom.api.state.ListStateDescriptor;
import io.strom.api.typeinfo.Types;
import io.strom.data.BinaryRow;
import io.strom.data.Row;
import io.strom.data.RowKind;
import io.strom.runtime.generated.GeneratedClass;
import io.strom.runtime.generated.RecordComparator;
import io.strom.runtime.operators.AbstractOperator;
import io.strom.runtime.operators.OneInputOperator;
import io.strom.runtime.operators.Output;
import io.strom.runtime.sql.StateTimeToLive;
import io.strom.runtime.state.KeyedStateAccess;
import io.strom.serde.RowSerializer;
import io.strom.types.RowType;
import java.util.List;

/**
 * Top-N over an insert-only stream, keyed by the partition columns: per key it keeps the best
 * {@code end} rows in order. A row that makes it in pushes the worst one out, so the result is an
 * updating changelog: without row numbers a DELETE of the row that leaves the range and an INSERT
 * of the one that enters it; with row numbers an UPDATE of every rank whose row changed. A row
 * that ties with kept rows ranks after them.
 */
public final class AppendOnlyTopNOperator extends AbstractOperator<Row>
    implements OneInputOperator<Row, Row> {
  private static final long serialVersionUID = 1L;

  private final GeneratedClass<RecordComparator> comparatorCode;
  private final RowType inputType;
  private final RankRange range;
  private final long stateTtlMillis;
  /** Whether a changed rank retracts its old row first (an upsert sink does not need it). */
  private final boolean generateUpdateBefore;

  private transient KeySelector<Row, BinaryRow> keySelector;
  private transient KeyedStateAccess<BinaryRow> keys;
  private transient ListState<Row> topRows;
  private transient RecordComparator comparator;
  private transient RowSerializer rows;

  /** @param stateTtlMillis how long an idle key's rows live; 0 keeps them forever */
  public AppendOnlyTopNOperator(
      GeneratedClass<RecordComparator> comparatorCode,
      RowType inputType,
      RankRange range,
      boolean generateUpdateBefore,
      long stateTtlMillis) {
    this.comparatorCode = requireNonNull(comparatorCode, "comparatorCode");
    this.inputType = requireNonNull(inputType, "inputType");
    this.range = requireNonNull(range, "range");
    this.generateUpdateBefore = generateUpdateBefore;
    this.stateTtlMillis = stateTtlMillis;
  }

  @Override
  protected void setup() throws Exception {
    keySelector = context.keySelector(0);
    keys = new KeyedStateAccess<>(context.<BinaryRow>keyedStateBackend(), context.operatorName());
    topRows = keys.getListState(StateTimeToLive.apply(
        new ListStateDescriptor<>("top-rows", Types.row(inputType)), stateTtlMillis));
    comparator = comparatorCode.newInstance(context.userCodeClassLoader());
    rows = new RowSerializer(inputType);
  }

  @Override
  public void processElement(Row input, long timestamp) throws Exception {
    if (input.kind() != RowKind.INSERT) {
      throw new IllegalStateException("Bug: an append-only Top-N received " + input.kind());
    }
    keys.setCurrentKey(keySelector.getKey(input));
    List<Row> before = SortedRows.of(topRows.get());
    int position = SortedRows.insertionPoint(before, input, comparator, false);
    if (position >= range.kept()) {
      return;
    }
    List<Row> after = SortedRows.inserted(before, position, rows.copy(input), range.kept());
    topRows.update(after);
    if (range.outputRankNumber()) {
      emitRankChanges(before, after, position);
    } else {
      emitMembershipChanges(before, after, position);
    }
  }

  /** Without row numbers: the row pushed out of the range leaves, the one pushed in enters. */
  private void emitMembershipChanges(List<Row> before, List<Row> after, int position) {
    int first = (int) range.start() - 1;
    int last = range.kept() - 1;
    if (before.size() > last) {
      output.collect(RankedRow.of(before.get(last), RowKind.DELETE, 0, false), Output.NO_TIMESTAMP);
    }
    int entering = Math.max(position, first);
    if (entering < after.size()) {
      output.collect(
          RankedRow.of(after.get(entering), RowKind.INSERT, 0, false), Output.NO_TIMESTAMP);
    }
  }

  /** With row numbers: each rank in range from the new row on now holds another row. */
  private void emitRankChanges(List<Row> before, List<Row> after, int position) {
    for (int r = Math.max(position, (int) range.start() - 1); r < after.size(); r++) {
      if (r < before.size()) {
        if (generateUpdateBefore) {
          output.collect(
              RankedRow.of(before.get(r), RowKind.UPDATE_BEFORE, r + 1, true), Output.NO_TIMESTAMP);
        }
        output.collect(
            RankedRow.of(after.get(r), RowKind.UPDATE_AFTER, r + 1, true), Output.NO_TIMESTAMP);
      } else {
        output.collect(RankedRow.of(after.get(r), RowKind.INSERT, r + 1, true), Output.NO_TIMESTAMP);
      }
    }
  }
}
