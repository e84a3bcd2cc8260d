package io.strom.planner.session;

import io.strom.connector.ConnectorException;
import io.strom.connector.SupportsOverwrite;
import io.strom.connector.SupportsPartitioning;
import io.strom.connector.TableSink;
import io.strom.planner.ValidationException;
import io.strom.planner.catalog.CatalogTable;

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
    } catch (ConnectorException e) {
      throw new ValidationException("Table '" + insert.target() + "': " + e.getMessage());
    }
  }
}
