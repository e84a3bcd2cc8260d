package io.strom.runtime.sql.rank;

import io.strom.data.GenericRow;
import io.strom.data.JoinedRow;
import io.strom.data.Row;
import io.strom.data.RowKind;

/**
 * The output form of a row a Top-N keeps: a view of the stored row (which stays unchanged in
 * state) with its own change kind and, when the query shows it, the row number appended.
 */
final class RankedRow {
  private static final Row NO_FIELDS = new GenericRow(0);

  private RankedRow() {}

  static Row of(Row stored, RowKind kind, long rank, boolean withRank) {
    Row right = NO_FIELDS;
    if (withRank) {
      GenericRow number = new GenericRow(1);
      number.setLong(0, rank);
      right = number;
    }
    JoinedRow row = new JoinedRow(stored, right);
    row.setKind(kind);
    return row;
  }
}
