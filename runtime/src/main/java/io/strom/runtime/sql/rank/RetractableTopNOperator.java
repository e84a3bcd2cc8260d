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
import io.strom.runtime.sql.SortedRowLists;
import io.strom.runtime.sql.StateTimeToLive;
import io.strom.runtime.state.KeyedStateAccess;
import io.strom.serde.RowSerializer;
import io.strom.types.RowType;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Top-N that takes rows back, keyed by the partition columns: per key it keeps the partition's
 * rows sorted, numbers them by {@code ROW_NUMBER}, {@code RANK} or {@code DENSE_RANK}, and on each
 * change compares the rows in the rank range before and after.
 *
 * <p>Over an updating input ({@code -U} and {@code -D} take the stored row equal to them away) it
 * keeps every row of the partition, since a row below the range comes back into it when a better
 * one leaves. Over an insert-only input (RANK and DENSE_RANK Top-N) a row numbered past the range
 * never comes back, so it is dropped.
 *
 * <p>Changes: with {@code ROW_NUMBER} shown, each number whose row changed is updated ({@code -U}
 * old row, {@code +U} new row), added ({@code +I}) or removed ({@code -D}); otherwise a row leaving
 * the range (or, with the number shown, changing number) is a {@code -D} and one entering it a
 * {@code +I}, deletions first. Rows that tie rank in order of arrival for ROW_NUMBER.
 */
public final class RetractableTopNOperator extends AbstractOperator<Row>
    implements OneInputOperator<Row, Row> {
  private static final long serialVersionUID = 1L;

  private final GeneratedClass<RecordComparator> comparatorCode;
  private final RowType inputType;
  private final RankType rankType;
  private final RankRange range;
  private final boolean generateUpdateBefore;
  private final boolean insertOnlyInput;
  private final long stateTtlMillis;

  private transient KeySelector<Row, BinaryRow> keySelector;
  private transient KeyedStateAccess<BinaryRow> keys;
  private transient ListState<Row> sortedRows;
  private transient RecordComparator comparator;
  private transient RowSerializer rows;

  /**
   * @param comparatorCode orders rows by the sort keys; rows it finds equal tie
   * @param generateUpdateBefore whether a changed ROW_NUMBER retracts its old row first
   * @param insertOnlyInput whether rows are only ever added, so rows past the range can go
   * @param stateTtlMillis how long an idle key's rows live; 0 keeps them forever
   */
  public RetractableTopNOperator(
      GeneratedClass<RecordComparator> comparatorCode,
      RowType inputType,
      RankType rankType,
      RankRange range,
      boolean generateUpdateBefore,
      boolean insertOnlyInput,
      long stateTtlMillis) {
    this.comparatorCode = requireNonNull(comparatorCode, "comparatorCode");
    this.inputType = requireNonNull(inputType, "inputType");
    this.rankType = requireNonNull(rankType, "rankType");
    this.range = requireNonNull(range, "range");
    this.generateUpdateBefore = generateUpdateBefore;
    this.insertOnlyInput = insertOnlyInput;
    this.stateTtlMillis = stateTtlMillis;
  }

  @Override
  protected void setup() throws Exception {
    keySelector = context.keySelector(0);
    keys = new KeyedStateAccess<>(context.<BinaryRow>keyedStateBackend(), context.operatorName());
    sortedRows = keys.getListState(StateTimeToLive.apply(
        new ListStateDescriptor<>("sorted-rows", Types.row(inputType)), stateTtlMillis));
    comparator = comparatorCode.newInstance(context.userCodeClassLoader());
    rows = new RowSerializer(inputType);
  }

  @Override
  public void processElement(Row input, long timestamp) throws Exception {
    keys.setCurrentKey(keySelector.getKey(input));
    List<Row> before = SortedRowLists.mutableCopy(sortedRows.get());
    List<Row> after = SortedRowLists.mutableCopy(before);
    BinaryRow content = SortedRowLists.content(rows, input);
    if (SortedRowLists.isAccumulate(input)) {
      after.add(SortedRowLists.insertionPoint(after, content, comparator), content);
    } else {
      int position = SortedRowLists.indexOf(after, content, comparator);
      if (position < 0) {
        // Never stored, or expired by the state's time-to-live: nothing of it is shown.
        return;
      }
      after.remove(position);
    }
    long[] numbersBefore = RankNumbers.of(before, rankType, comparator, range.end());
    long[] numbersAfter = RankNumbers.of(after, rankType, comparator, range.end());
    if (insertOnlyInput && numbersAfter.length < after.size()) {
      after = new java.util.ArrayList<>(after.subList(0, numbersAfter.length));
    }
    if (after.isEmpty()) {
      sortedRows.clear();
    } else {
      sortedRows.update(after);
    }
    if (rankType == RankType.ROW_NUMBER && range.outputRankNumber()) {
      emitNumberChanges(before, numbersBefore.length, after, numbersAfter.length);
    } else {
      emitRowChanges(before, numbersBefore, after, numbersAfter);
    }
  }

  /** ROW_NUMBER shown: each number in range now held by another row, or by none, or newly. */
  private void emitNumberChanges(List<Row> before, int ranked, List<Row> after, int rankedAfter) {
    for (int r = (int) range.start() - 1; r < Math.max(ranked, rankedAfter); r++) {
      Row old = r < ranked ? before.get(r) : null;
      Row now = r < rankedAfter ? after.get(r) : null;
      if (old == now) {
        continue;
      }
      if (old != null && now != null) {
        if (generateUpdateBefore) {
          emit(old, RowKind.UPDATE_BEFORE, r + 1);
        }
        emit(now, RowKind.UPDATE_AFTER, r + 1);
      } else if (old != null) {
        emit(old, RowKind.DELETE, r + 1);
      } else {
        emit(now, RowKind.INSERT, r + 1);
      }
    }
  }

  /**
   * The rows that left the range (or changed number, when shown) as DELETEs, then those that
   * entered it as INSERTs, each in sorted order. Stored rows keep their identity from before to
   * after the change.
   */
  private void emitRowChanges(
      List<Row> before, long[] numbersBefore, List<Row> after, long[] numbersAfter) {
    Map<Row, Long> shownBefore = shown(before, numbersBefore);
    Map<Row, Long> shownAfter = shown(after, numbersAfter);
    for (int i = 0; i < numbersBefore.length; i++) {
      Row row = before.get(i);
      if (numbersBefore[i] >= range.start() && !shownBefore.get(row).equals(shownAfter.get(row))) {
        emit(row, RowKind.DELETE, numbersBefore[i]);
      }
    }
    for (int i = 0; i < numbersAfter.length; i++) {
      Row row = after.get(i);
      if (numbersAfter[i] >= range.start() && !shownAfter.get(row).equals(shownBefore.get(row))) {
        emit(row, RowKind.INSERT, numbersAfter[i]);
      }
    }
  }

  /**
   * The rows in the range, by identity, with what identifies their output: the number when it is
   * shown, else 0, so that only entering and leaving count.
   */
  private Map<Row, Long> shown(List<Row> sorted, long[] numbers) {
    Map<Row, Long> shown = new IdentityHashMap<>();
    for (int i = 0; i < numbers.length; i++) {
      if (numbers[i] >= range.start()) {
        shown.put(sorted.get(i), range.outputRankNumber() ? numbers[i] : 0L);
      }
    }
    return shown;
  }

  private void emit(Row stored, RowKind kind, long number) {
    output.collect(
        RankedRow.of(stored, kind, number, range.outputRankNumber()), Output.NO_TIMESTAMP);
  }
}
