package io.strom.runtime.sql.agg;

import io.strom.data.BinaryRow;
import io.strom.data.Row;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of a mini-batch, grouped by key in the order keys first arrived. Rows are kept as they
 * are: a keyed operator's input comes from an exchange, which deserializes a new row per record.
 * Used only on the task's mailbox thread.
 */
final class KeyedRowBuffer {
  private final Map<BinaryRow, List<Row>> rows = new LinkedHashMap<>();

  void add(BinaryRow key, Row row) {
    List<Row> ofKey = rows.get(key);
    if (ofKey == null) {
      ofKey = new ArrayList<>(4);
      rows.put(key, ofKey);
    }
    ofKey.add(row);
  }

  /** The buffered rows per key; the caller {@link #clear}s them once applied. */
  Map<BinaryRow, List<Row>> byKey() {
    return rows;
  }

  void clear() {
    rows.clear();
  }
}
