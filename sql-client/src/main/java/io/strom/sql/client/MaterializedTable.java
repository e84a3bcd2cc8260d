package io.strom.sql.client;

import io.strom.data.RowKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The table a changelog describes, kept up to date change by change for the live table view: an
 * insert adds a row at the end; a retraction (-U, -D) removes an equal row; an update (+U) takes
 * the place of the row its -U removed, so a changing count stays on its line. Holds at most
 * {@code maxRows} rows: beyond it the oldest rows go.
 *
 * <p>Rows live in slots; a removed row leaves an empty slot until the slots are compacted, so a
 * change costs a hash lookup, not a scan. Not thread-safe: the view reads and writes it on one
 * thread.
 */
final class MaterializedTable {
  private final int maxRows;
  private List<String[]> slots = new ArrayList<>();
  private Map<List<String>, Deque<Integer>> positions = new HashMap<>();
  private int live;
  private int oldest;
  /** The slot the last -U emptied: the +U that follows takes it. */
  private int retractedSlot = -1;

  MaterializedTable(int maxRows) {
    if (maxRows <= 0) {
      throw new IllegalArgumentException("maxRows must be positive: " + maxRows);
    }
    this.maxRows = maxRows;
  }

  void apply(RowKind kind, String[] values) {
    List<String> key = Arrays.asList(values);
    switch (kind) {
      case INSERT -> {
        put(slots.size(), values, key);
        retractedSlot = -1;
      }
      case UPDATE_AFTER -> {
        boolean reuse = retractedSlot >= 0 && slots.get(retractedSlot) == null;
        put(reuse ? retractedSlot : slots.size(), values, key);
        retractedSlot = -1;
      }
      case UPDATE_BEFORE, DELETE -> {
        Deque<Integer> at = positions.get(key);
        if (at != null) {
          int slot = at.removeLast();
          if (at.isEmpty()) {
            positions.remove(key);
          }
          slots.set(slot, null);
          live--;
          retractedSlot = kind == RowKind.UPDATE_BEFORE ? slot : -1;
        }
        // A retraction of a row evicted for size (or never seen) has nothing left to remove.
      }
    }
    while (live > maxRows) {
      evictOldest();
    }
    if (slots.size() > 2 * live + 1024) {
      compact();
    }
  }

  private void put(int slot, String[] values, List<String> key) {
    if (slot == slots.size()) {
      slots.add(values);
    } else {
      slots.set(slot, values);
    }
    positions.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(slot);
    live++;
  }

  private void evictOldest() {
    while (slots.get(oldest) == null) {
      oldest++;
    }
    String[] values = slots.get(oldest);
    Deque<Integer> at = positions.get(Arrays.asList(values));
    at.remove(oldest);
    if (at.isEmpty()) {
      positions.remove(Arrays.asList(values));
    }
    slots.set(oldest, null);
    live--;
  }

  private void compact() {
    List<String[]> rows = rows();
    slots = new ArrayList<>();
    positions = new HashMap<>();
    live = 0;
    oldest = 0;
    retractedSlot = -1;
    for (String[] row : rows) {
      put(slots.size(), row, Arrays.asList(row));
    }
  }

  /** The rows, in display order. */
  List<String[]> rows() {
    List<String[]> rows = new ArrayList<>(live);
    for (String[] row : slots) {
      if (row != null) {
        rows.add(row);
      }
    }
    return rows;
  }

  int size() {
    return live;
  }
}
