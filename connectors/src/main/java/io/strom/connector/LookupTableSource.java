package io.strom.connector;

import static java.util.Objects.requireNonNull;

import io.strom.api.functions.KeySelector;
import io.strom.data.BinaryRow;
import io.strom.data.Row;
import io.strom.runtime.generated.CalcFunction;
import io.strom.runtime.generated.GeneratedClass;
import io.strom.runtime.sql.lookup.FullCachingLookupFunction;
import io.strom.runtime.sql.lookup.LookupFunction;
import io.strom.types.RowType;

/**
 * The planner's view of a table whose rows a lookup join ({@code JOIN t FOR SYSTEM_TIME AS OF
 * p.proc_time}) can find by key. A source able to look rows up by itself (a database, a key-value
 * store) returns its own {@link LookupFunction}; a bounded scan returns {@link #fullCache}, which
 * reads the whole table when the join starts (Flink's FULL cache). A bounded, insert-only scan
 * that does not implement this interface is looked up through {@link #fullCache} as well.
 */
public interface LookupTableSource {

  /** The function looking up this table's rows as {@code request} asks. */
  LookupFunction createLookupFunction(Request request);

  /**
   * What a lookup join asks of its table.
   *
   * @param tableName the table's name, for messages
   * @param keyFields the fields of the looked-up rows that make the key, in the key's order
   * @param tableCalc the filter and projection a looked-up row goes through first (a view's,
   *     computed columns), or null when rows are looked up as the source produces them
   * @param lookedUpType the type of the looked-up rows (after {@code tableCalc})
   * @param rowKey the key of a looked-up row, as the join computes the key of a probe row
   */
  record Request(
      String tableName,
      int[] keyFields,
      GeneratedClass<CalcFunction> tableCalc,
      RowType lookedUpType,
      KeySelector<Row, BinaryRow> rowKey) {
    public Request {
      requireNonNull(tableName, "tableName");
      keyFields = keyFields.clone();
      requireNonNull(lookedUpType, "lookedUpType");
      requireNonNull(rowKey, "rowKey");
    }
  }

  /**
   * Looks rows up in {@code scan}'s whole content, read once per subtask when the join starts and
   * kept in memory, indexed by key. Only for a bounded, insert-only scan, whose content does not
   * change while the query runs.
   */
  static LookupFunction fullCache(ScanTableSource scan, Request request) {
    return fullCache(scan, request, null);
  }

  /**
   * As {@link #fullCache(ScanTableSource, Request)}, read again every {@code reloadInterval} (null
   * for never), for a table whose files may change while the query runs.
   */
  static LookupFunction fullCache(
      ScanTableSource scan, Request request, java.time.Duration reloadInterval) {
    if (!scan.isBounded()) {
      throw new IllegalArgumentException(
          "Bug: only a bounded table can be cached whole, not " + request.tableName());
    }
    return new FullCachingLookupFunction(request.tableName(), scan.createRuntimeSource(),
        request.tableCalc(), request.lookedUpType(), request.rowKey(), reloadInterval);
  }
}
