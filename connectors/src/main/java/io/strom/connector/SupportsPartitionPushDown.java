package io.strom.connector;

import io.strom.data.Row;
import java.util.List;

/**
 * A source of a partitioned table that can skip whole partitions: the planner lists the
 * partitions, keeps those a query's condition on partition columns may accept, and tells the
 * source to read only these. The condition itself still runs on the rows read.
 */
public interface SupportsPartitionPushDown {

  /**
   * The table's partitions now, each a row of the partition columns in {@code PARTITIONED BY}
   * order, typed as the columns (NULL for a default partition).
   */
  List<Row> listPartitions();

  /** Read only these partitions, rows as {@link #listPartitions} gave them. */
  void applyPartitions(List<Row> partitions);
}
