package io.strom.connector;

import java.util.Map;

/**
 * Ability of a {@link ScanTableSource} to skip building the nested fields of its ROW columns that
 * a query never reads. The produced row type stays the same: skipped fields are NULL, and no
 * operator of the query looks at them.
 */
public interface SupportsNestedFieldPruning {

  /**
   * Build only these nested fields.
   *
   * @param readFields per index of a top-level ROW field of the table's physical row type, the
   *     positions of its nested fields the query reads, ascending; a field not in the map is read
   *     whole
   */
  void applyNestedFieldsRead(Map<Integer, int[]> readFields);
}
