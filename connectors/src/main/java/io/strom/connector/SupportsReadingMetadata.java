package io.strom.connector;

import io.strom.types.LogicalType;
import java.util.List;
import java.util.Map;

/**
 * Ability of a {@link ScanTableSource} to append metadata columns ({@code ... METADATA FROM 'key'})
 * to the physical ones.
 */
public interface SupportsReadingMetadata {

  /** The metadata keys the source offers with their types, in a stable order. */
  Map<String, LogicalType> listReadableMetadata();

  /**
   * Append these metadata values, in this order, after the physical fields of each row.
   *
   * @throws ConnectorException for a key not in {@link #listReadableMetadata()}
   */
  void applyReadableMetadata(List<String> keys);
}
