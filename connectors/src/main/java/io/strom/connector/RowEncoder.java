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

  /** The kinds of rows this encoder can represent. */
  default ChangelogMode changelogMode() {
    return ChangelogMode.insertOnly();
  }
}
