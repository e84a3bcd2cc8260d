package io.strom.connector;

import java.io.Serializable;

/**
 * Turns the bytes of one record (a line, a message) into rows.
 *
 * <p>A decoder is created while planning, travels with the job, and each parallel reader gets its
 * own copy: it is used by one thread at a time and may keep scratch state (a reusable row) in
 * transient fields. Decoders honour their format's {@code ignore-parse-errors}: when it is set they
 * drop a malformed record, emit nothing and count it in {@link DecoderContext#droppedRecords()}.
 */
public interface RowDecoder extends Serializable {

  /** Prepares the decoder in its reader; called once before the first {@link #decode}. */
  default void open(DecoderContext context) {}

  /**
   * Decodes one record, emitting zero or more rows (none for a comment or a dropped malformed
   * record, two for an update in a changelog format).
   *
   * @throws RowDecodeException when the record is malformed and errors are not ignored
   */
  void decode(byte[] bytes, int offset, int length, RowCollector out) throws RowDecodeException;

  /**
   * Decodes a record that has no bytes at all, such as a Kafka record whose value is null. Most
   * formats have no row for it; {@code raw} reads it as a NULL column.
   */
  default void decodeAbsent(RowCollector out) {}

  /**
   * For readers that cut records at line ends: true when this line ends inside a record (e.g. in a
   * quoted CSV field), so the next line belongs to the same record.
   */
  default boolean isIncomplete(byte[] bytes, int offset, int length) {
    return false;
  }

  /** The kinds of rows this decoder emits. */
  default ChangelogMode changelogMode() {
    return ChangelogMode.insertOnly();
  }
}
