package io.strom.connector.filesystem;

import static java.util.Objects.requireNonNull;

import io.strom.connector.ConnectorException;
import io.strom.connector.Projections;
import io.strom.types.LogicalType;
import io.strom.types.RowType;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a table's partition columns are: their positions among the physical columns and the
 * positions of the other ("data") columns, which are the only ones the files hold. A table without
 * partition columns has all its columns as data columns.
 */
final class PartitionLayout implements Serializable {
  private static final long serialVersionUID = 1L;

  private final RowType physicalType;
  private final List<String> keys;
  private final int[] keyFields;
  private final int[] dataFields;

  private PartitionLayout(RowType physicalType, List<String> keys, int[] keyFields, int[] dataFields) {
    this.physicalType = physicalType;
    this.keys = keys;
    this.keyFields = keyFields;
    this.dataFields = dataFields;
  }

  /**
   * The layout of {@code physicalType} partitioned by {@code keys}.
   *
   * @throws ConnectorException when a key is no physical column, has a type a directory name
   *     cannot hold, or every column is a partition column
   */
  static PartitionLayout of(RowType physicalType, List<String> keys) {
    requireNonNull(physicalType, "physicalType");
    int[] keyFields = new int[keys.size()];
    for (int i = 0; i < keys.size(); i++) {
      int field = physicalType.fieldIndex(keys.get(i));
      if (field < 0) {
        throw new ConnectorException(
            "Partition column '" + keys.get(i) + "' is not a physical column of the table. Its"
                + " physical columns: " + physicalType.fieldNames());
      }
      LogicalType type = physicalType.typeAt(field);
      if (!PartitionValues.supports(type)) {
        throw new ConnectorException(
            "Partition column '" + keys.get(i) + "' has type " + type.asSummaryString()
                + ", which the filesystem connector cannot write into a directory name. Partition"
                + " columns can be strings, BOOLEAN, numbers, DATE, TIME or TIMESTAMP.");
      }
      keyFields[i] = field;
    }
    List<Integer> data = new ArrayList<>();
    for (int i = 0; i < physicalType.fieldCount(); i++) {
      if (!keys.contains(physicalType.fields().get(i).name())) {
        data.add(i);
      }
    }
    if (data.isEmpty() && !keys.isEmpty()) {
      throw new ConnectorException(
          "Every column of the table is a partition column, so its files would hold nothing."
              + " Keep at least one column out of PARTITIONED BY.");
    }
    return new PartitionLayout(
        physicalType, List.copyOf(keys), keyFields, data.stream().mapToInt(Integer::intValue).toArray());
  }

  RowType physicalType() {
    return physicalType;
  }

  boolean isPartitioned() {
    return !keys.isEmpty();
  }

  /** The partition columns, in the order of {@code PARTITIONED BY}. */
  List<String> keys() {
    return keys;
  }

  /** The physical position of each partition column, in key order. */
  int[] keyFields() {
    return keyFields.clone();
  }

  LogicalType keyType(int key) {
    return physicalType.typeAt(keyFields[key]);
  }

  /** The physical positions of the columns the files hold, in column order. */
  int[] dataFields() {
    return dataFields.clone();
  }

  /** The columns the files hold. */
  RowType dataType() {
    return Projections.project(physicalType, dataFields);
  }

  /** The partition key a physical column is, or -1 for a data column. */
  int keyOf(int physicalField) {
    for (int i = 0; i < keyFields.length; i++) {
      if (keyFields[i] == physicalField) {
        return i;
      }
    }
    return -1;
  }

  /** The position among the data columns of a data column's physical position. */
  int dataIndexOf(int physicalField) {
    for (int i = 0; i < dataFields.length; i++) {
      if (dataFields[i] == physicalField) {
        return i;
      }
    }
    return -1;
  }
}
