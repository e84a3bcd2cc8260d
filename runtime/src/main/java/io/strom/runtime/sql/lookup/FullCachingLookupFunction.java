package io.strom.runtime.sql.lookup;

import static java.util.Objects.requireNonNull;

import io.strom.api.functions.KeySelector;
import io.strom.data.BinaryRow;
import io.strom.data.Row;
import io.strom.data.RowKind;
import io.strom.runtime.generated.CalcFunction;
import io.strom.runtime.generated.GeneratedClass;
import io.strom.runtime.source.Source;
import io.strom.runtime.source.lib.BoundedSourceReading;
import io.strom.serde.RowSerializer;
import io.strom.types.RowType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks rows up in a bounded table read whole when the function opens (Flink's FULL lookup cache):
 * every row, after the table's own filter and projection, is indexed in a hash map by its lookup
 * key. The table is read once per subtask, and again by the first lookup after each reload
 * interval when one is set (Flink's PERIODIC reload; here on the task's own thread, so a lookup
 * never sees half a table); after a restore it is simply read again, so nothing of it goes into
 * checkpoints. Rows whose key has a NULL are left out: NULL equals nothing.
 */
public final class FullCachingLookupFunction implements LookupFunction {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(FullCachingLookupFunction.class);

  private final String tableName;
  private final Source<Row, ?> table;
  private final GeneratedClass<CalcFunction> tableCalc;
  private final RowType rowType;
  private final KeySelector<Row, BinaryRow> rowKey;
  /** How often the table is read again, or null for never. */
  private final Duration reloadInterval;
  private transient LookupContext context;
  private transient Map<BinaryRow, List<Row>> index;
  private transient long loadedAtNanos;
  private transient int loads;

  /**
   * @param tableName the table's name, for the log
   * @param table the table's bounded source
   * @param tableCalc the filter and projection applied to the table's rows before they are
   *     looked up (a view's, or computed columns), or null when they are looked up as read
   * @param rowType the type of the rows looked up (after {@code tableCalc})
   * @param rowKey the lookup key of such a row, a binary row of the key's types
   */
  public FullCachingLookupFunction(
      String tableName,
      Source<Row, ?> table,
      GeneratedClass<CalcFunction> tableCalc,
      RowType rowType,
      KeySelector<Row, BinaryRow> rowKey) {
    this(tableName, table, tableCalc, rowType, rowKey, null);
  }

  /** @param reloadInterval how often the table is read again, or null for never */
  public FullCachingLookupFunction(
      String tableName,
      Source<Row, ?> table,
      GeneratedClass<CalcFunction> tableCalc,
      RowType rowType,
      KeySelector<Row, BinaryRow> rowKey,
      Duration reloadInterval) {
    this.tableName = requireNonNull(tableName, "tableName");
    this.table = requireNonNull(table, "table");
    this.tableCalc = tableCalc;
    this.rowType = requireNonNull(rowType, "rowType");
    this.rowKey = requireNonNull(rowKey, "rowKey");
    if (reloadInterval != null && (reloadInterval.isZero() || reloadInterval.isNegative())) {
      throw new IllegalArgumentException("The reload interval must be positive: " + reloadInterval);
    }
    this.reloadInterval = reloadInterval;
  }

  @Override
  public void open(LookupContext context) throws Exception {
    this.context = context;
    load();
  }

  /** Reads the whole table into a new index, which replaces the old one once complete. */
  private void load() throws Exception {
    long start = System.nanoTime();
    CalcFunction calc = null;
    if (tableCalc != null) {
      calc = tableCalc.newInstance(context.functions().userClassLoader());
      calc.open(context.functions());
    }
    Map<BinaryRow, List<Row>> loaded = new HashMap<>();
    RowSerializer serializer = new RowSerializer(rowType);
    Indexer indexer = new Indexer(calc, serializer, loaded);
    BoundedSourceReading.readAll(table, context.configuration(), context.metrics(), indexer);
    if (calc != null) {
      calc.close();
    }
    if (indexer.failure != null) {
      throw indexer.failure;
    }
    index = loaded;
    loadedAtNanos = System.nanoTime();
    loads++;
    LOG.info("Cached {} rows of lookup table {} under {} keys in {} ms (read {} times)",
        indexer.rows, tableName, index.size(), (loadedAtNanos - start) / 1_000_000, loads);
  }

  @Override
  public List<Row> lookup(BinaryRow key) throws Exception {
    if (reloadInterval != null && System.nanoTime() - loadedAtNanos >= reloadInterval.toNanos()) {
      load();
    }
    // Only looked up, never kept: the caller reuses the key for its next row.
    return index.getOrDefault(key, List.of());
  }

  /** How many times the table was read since the function opened. */
  int loads() {
    return loads;
  }

  @Override
  public void close() {
    index = null;
    context = null;
  }

  /** Adds each row read to the index, compact and in a copy of its own. */
  private final class Indexer implements java.util.function.Consumer<Row> {
    private final CalcFunction calc;
    private final RowSerializer serializer;
    private final Map<BinaryRow, List<Row>> index;
    private long rows;
    /** The first failure of the table's calc or key, rethrown once the read is over. */
    private Exception failure;

    Indexer(CalcFunction calc, RowSerializer serializer, Map<BinaryRow, List<Row>> index) {
      this.calc = calc;
      this.serializer = serializer;
      this.index = index;
    }

    @Override
    public void accept(Row read) {
      if (failure != null) {
        return;
      }
      try {
        Row row = calc == null ? read : calc.apply(read);
        if (row == null) {
          return;
        }
        BinaryRow stored = serializer.toBinary(row).copy();
        stored.setKind(RowKind.INSERT);
        BinaryRow key = rowKey.getKey(stored);
        if (hasNull(key)) {
          return;
        }
        index.computeIfAbsent(key, k -> new ArrayList<>(1)).add(stored);
        rows++;
      } catch (Exception e) {
        failure = e;
      }
    }
  }

  static boolean hasNull(BinaryRow key) {
    for (int i = 0; i < key.arity(); i++) {
      if (key.isNullAt(i)) {
        return true;
      }
    }
    return false;
  }
}
