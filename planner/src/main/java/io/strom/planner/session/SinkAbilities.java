package io.strom.planner.session;

import io.strom.connector.ConnectorException;
import io.strom.connector.SupportsOverwrite;
import io.strom.connector.SupportsPartitioning;
import io.strom.connector.SupportsWritingMetadata;
import io.strom.connector.TableSink;
import io.strom.planner.ValidationException;
import io.strom.planner.catalog.CatalogTable;
import io.strom.planner.catalog.Column;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells a table's sink what an insert asks beyond rows, as Flink's planner does: overwriting,
 * static partition values and whether the input ends. A sink that cannot do what is asked is
 * refused here, before the job is built.
 */
final class SinkAbilities {
  private SinkAbilities() {}

  static void apply(TableSink sink, QueryExecutor.InsertInto insert, CatalogTable table, boolean bounded) {
    String connector = table.options().get("connector");
    try {
      if (!table.partitionKeys().isEmpty() || !insert.staticPartition().isEmpty()) {
        if (!(sink instanceof SupportsPartitioning partitioning)) {
          throw new ValidationException(
              "Table '" + insert.target() + "' is PARTITIONED BY, but connector '" + connector
                  + "' cannot write partitions; use a connector that does (e.g. 'filesystem') or"
                  + " drop PARTITIONED BY");
        }
        partitioning.applyStaticPartition(insert.staticPartition());
      }
      if (insert.overwrite()) {
        if (!(sink instanceof SupportsOverwrite overwriting)) {
          throw new ValidationException(
              "INSERT OVERWRITE is not supported by connector '" + connector + "' of table '"
                  + insert.target() + "'; use INSERT INTO, which appends");
        }
        overwriting.applyOverwrite(true);
      }
      sink.applyInputBoundedness(bounded);
      applyWritableMetadata(sink, insert, table);
    } catch (ConnectorException e) {
      throw new ValidationException("Table '" + insert.target() + "': " + e.getMessage());
    }
  }

  /**
   * Tells the sink which metadata its rows carry after their physical fields: the table's metadata
   * columns that are not VIRTUAL, in declaration order (see {@link #sinkInputOrder}).
   */
  private static void applyWritableMetadata(
      TableSink sink, QueryExecutor.InsertInto insert, CatalogTable table) {
    List<String> keys = new ArrayList<>();
    for (Column column : table.schema().columns()) {
      if (column instanceof Column.Metadata metadata && column.isPersisted()) {
        keys.add(metadata.metadataKey());
      }
    }
    if (keys.isEmpty()) {
      return;
    }
    String connector = table.options().get("connector");
    if (!(sink instanceof SupportsWritingMetadata writing)) {
      throw new ValidationException(
          "Table '" + insert.target() + "' has metadata columns to write, but connector '"
              + connector + "' writes no metadata; declare them VIRTUAL to only read them");
    }
    for (String key : keys) {
      if (!writing.listWritableMetadata().containsKey(key)) {
        throw new ValidationException(
            "Connector '" + connector + "' of table '" + insert.target() + "' cannot write metadata '"
                + key + "'; it writes " + writing.listWritableMetadata().keySet()
                + ". Declare the column VIRTUAL to only read it.");
      }
    }
    writing.applyWritableMetadata(keys);
  }

  /**
   * Where each field of the rows a sink takes comes from among the table's persisted columns (in
   * declaration order, as an INSERT's columns are): the physical columns first, then the metadata
   * columns that are written, as {@link SupportsWritingMetadata} promises.
   */
  static int[] sinkInputOrder(CatalogTable table) {
    List<Column> persisted = table.schema().columns().stream().filter(Column::isPersisted).toList();
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < persisted.size(); i++) {
      if (persisted.get(i) instanceof Column.Physical) {
        order.add(i);
      }
    }
    for (int i = 0; i < persisted.size(); i++) {
      if (!(persisted.get(i) instanceof Column.Physical)) {
        order.add(i);
      }
    }
    return order.stream().mapToInt(Integer::intValue).toArray();
  }
}
