package io.strom.connector.filesystem;

import io.strom.types.LogicalType;
import java.io.Serializable;
import java.util.List;

/**
 * Puts the values of a file's partition directories into the partition columns of the rows a scan
 * produces, typed as the columns are; the files themselves hold the other columns only.
 */
final class PartitionFieldFiller implements Serializable {
  private static final long serialVersionUID = 1L;

  static final PartitionFieldFiller NONE =
      new PartitionFieldFiller(List.of(), new int[0], new int[0], List.of(), null);

  private final List<String> keys;
  private final int[] keyOfSlot;
  private final int[] targets;
  private final List<LogicalType> types;
  private final PartitionValues values;

  /**
   * @param keys the table's partition columns in order
   * @param keyOfSlot for each produced partition column, which key it is
   * @param targets for each produced partition column, its position in the produced row
   * @param types for each produced partition column, its type
   */
  PartitionFieldFiller(
      List<String> keys, int[] keyOfSlot, int[] targets, List<LogicalType> types, PartitionValues values) {
    this.keys = List.copyOf(keys);
    this.keyOfSlot = keyOfSlot.clone();
    this.targets = targets.clone();
    this.types = List.copyOf(types);
    this.values = values;
  }

  /** The table's partition columns, to find its partition directories; empty when not partitioned. */
  List<String> keys() {
    return keys;
  }

  /** The positions of the partition columns in the produced row. */
  int[] targets() {
    return targets.clone();
  }

  /** The internal values of a file's partition columns, in the order of {@link #targets()}. */
  Object[] valuesOf(FileSplit split) {
    Object[] result = new Object[keyOfSlot.length];
    for (int i = 0; i < keyOfSlot.length; i++) {
      String text = split.partitionValues().get(keyOfSlot[i]);
      result[i] = values.toInternal(text, types.get(i), keys.get(keyOfSlot[i]));
    }
    return result;
  }
}
