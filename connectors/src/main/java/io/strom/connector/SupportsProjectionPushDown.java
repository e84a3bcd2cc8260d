package io.strom.connector;

/** Ability of a {@link ScanTableSource} to produce only some of its physical columns. */
public interface SupportsProjectionPushDown {

  /**
   * Produce only these top-level physical fields, in this order.
   *
   * @param physicalFields indexes into the table's physical row type; no duplicates
   */
  void applyProjection(int[] physicalFields);
}
