package io.strom.connector;

import io.strom.data.Row;
import io.strom.serde.DataOutputSerializer;
import java.io.IOException;
import java.io.Serializable;

/**
 * Turns a row into the bytes of one record. Like {@link RowDecoder}, created while planning and
 * copied to each writer, so used by one thread and free to keep scratch state.
 */
public interface RowEncoder extends Serializable {

  /** Appends the record of {@code row} to {@code out}, without a record delimiter. */
  void encode(Row row, DataOutputSerializer out) throws IOException;

  /**
   * Whether the record of {@code row} has no bytes at all (a Kafka record with a null value)
   * rather than empty ones; only {@code raw} writes a NULL column so.
   */
  default boolean encodesAsAbsent(Row row) {
    return false;
  }

  /** The kinds of rows this encoder can represent. */
  default ChangelogMode changelogMode() {
    return ChangelogMode.insertOnly();
  }
}
