package io.strom.connector.filesystem;

import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.types.LogicalType;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The partitions a scan reads after partition pruning. Partitions are compared by their values
 * written in the one form the sink writes them ({@code 3} for an INT directory {@code hr=03}), so
 * a directory matches however its value was spelt.
 */
final class PartitionFilter implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<String> keys;
  private final List<LogicalType> types;
  private final PartitionValues values;
  private final Set<List<String>> accepted = new HashSet<>();

  PartitionFilter(List<String> keys, List<LogicalType> types, PartitionValues values, List<Row> partitions) {
    this.keys = List.copyOf(keys);
    this.types = List.copyOf(types);
    this.values = values;
    for (Row partition : partitions) {
      List<String> normalized = new ArrayList<>();
      for (int i = 0; i < keys.size(); i++) {
        normalized.add(values.toPathValue(partition, i, types.get(i)));
      }
      accepted.add(normalized);
    }
  }

  /** The typed row of a directory's values, unescaped, in key order. */
  Row toRow(List<String> directoryValues) {
    GenericRow row = new GenericRow(keys.size());
    for (int i = 0; i < keys.size(); i++) {
      row.setField(i, values.toInternal(directoryValues.get(i), types.get(i), keys.get(i)));
    }
    return row;
  }

  boolean accepts(List<String> directoryValues) {
    Row row = toRow(directoryValues);
    List<String> normalized = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      normalized.add(values.toPathValue(row, i, types.get(i)));
    }
    return accepted.contains(normalized);
  }
}
