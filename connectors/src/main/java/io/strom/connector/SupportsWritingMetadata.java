package io.strom.connector;

import io.strom.types.LogicalType;
import java.util.List;
import java.util.Map;

/**
 * Ability of a {@link TableSink} to write metadata columns ({@code ... METADATA [FROM 'key']}
 * that are not {@code VIRTUAL}), e.g. a Kafka record's timestamp and headers.
 */
public interface SupportsWritingMetadata {

  /** The metadata keys the sink writes with their types, in a stable order. */
  Map<String, LogicalType> listWritableMetadata();

  /**
   * Rows will carry these metadata values, in this order, after their physical fields.
   *
   * @throws ConnectorException for a key not in {@link #listWritableMetadata()}
   */
  void applyWritableMetadata(List<String> keys);
}
