package io.strom.connector.kafka;

import static java.util.Objects.requireNonNull;

import io.strom.connector.RowCopier;
import io.strom.connector.RowEncoder;
import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.data.RowKind;
import io.strom.connector.ChangelogMode;
import io.strom.serde.DataOutputSerializer;
import java.io.IOException;
import java.io.Serializable;

/**
 * Turns a table row into the key and value bytes of a Kafka record with the table's formats. For
 * an upsert table a DELETE becomes a tombstone (a null value) and an UPDATE_BEFORE no record, as
 * the next UPDATE_AFTER of its key replaces it. Created while planning; each writer uses its own
 * copy on its task's thread.
 */
final class KafkaRecordEncoder implements Serializable {
  private static final long serialVersionUID = 1L;

  private final KafkaTableLayout layout;
  private final RowEncoder keyEncoder;
  private final RowEncoder valueEncoder;
  private final boolean upsert;
  /** Positions of the written metadata in the rows, or -1: after the physical fields. */
  private final int timestampField;
  private final int headersField;
  private transient RowCopier keyCopier;
  private transient RowCopier valueCopier;
  private transient GenericRow keyRow;
  private transient GenericRow valueRow;
  private transient DataOutputSerializer buffer;

  /**
   * @param keyEncoder the key's encoder, or null when records have no key
   * @param upsert whether rows are upserts by the key (deletes become tombstones)
   */
  KafkaRecordEncoder(
      KafkaTableLayout layout, RowEncoder keyEncoder, RowEncoder valueEncoder, boolean upsert) {
    this(layout, keyEncoder, valueEncoder, upsert, -1, -1);
  }

  private KafkaRecordEncoder(
      KafkaTableLayout layout,
      RowEncoder keyEncoder,
      RowEncoder valueEncoder,
      boolean upsert,
      int timestampField,
      int headersField) {
    this.layout = requireNonNull(layout, "layout");
    this.keyEncoder = keyEncoder;
    this.valueEncoder = requireNonNull(valueEncoder, "valueEncoder");
    this.upsert = upsert;
    this.timestampField = timestampField;
    this.headersField = headersField;
  }

  /** The metadata a record can carry from a table's column: its timestamp and headers. */
  static final java.util.Map<String, io.strom.types.LogicalType> WRITABLE_METADATA =
      java.util.Map.of(
          KafkaMetadata.TIMESTAMP.key, KafkaMetadata.TIMESTAMP.type.copy(true),
          KafkaMetadata.HEADERS.key, KafkaMetadata.HEADERS.type.copy(true));

  /** An encoder of rows that carry these metadata values, in this order, after the physical fields. */
  KafkaRecordEncoder withMetadata(java.util.List<String> keys) {
    int physical = layout.physicalType().fieldCount();
    for (String key : keys) {
      if (!WRITABLE_METADATA.containsKey(key)) {
        throw new io.strom.connector.ConnectorException(
            "Kafka records take no metadata '" + key + "' when written; writable: "
                + WRITABLE_METADATA.keySet());
      }
    }
    int timestamp = keys.indexOf(KafkaMetadata.TIMESTAMP.key);
    int headers = keys.indexOf(KafkaMetadata.HEADERS.key);
    return new KafkaRecordEncoder(layout, keyEncoder, valueEncoder, upsert,
        timestamp < 0 ? -1 : physical + timestamp, headers < 0 ? -1 : physical + headers);
  }

  /** The record's timestamp from the row, or null to let the producer set it. */
  Long timestamp(Row row) {
    return timestampField < 0 || row.isNullAt(timestampField)
        ? null
        : row.getTimestamp(timestampField, 3).millisecond();
  }

  /** The record's headers from the row's {@code headers} column (none when NULL or absent). */
  java.util.List<org.apache.kafka.common.header.Header> headers(Row row) {
    if (headersField < 0 || row.isNullAt(headersField)) {
      return java.util.List.of();
    }
    io.strom.data.MapData map = row.getMap(headersField);
    io.strom.data.ArrayData keys = map.keyArray();
    io.strom.data.ArrayData values = map.valueArray();
    java.util.List<org.apache.kafka.common.header.Header> headers = new java.util.ArrayList<>();
    for (int i = 0; i < map.size(); i++) {
      headers.add(new org.apache.kafka.common.header.internals.RecordHeader(
          keys.getString(i).toString(), values.isNullAt(i) ? null : values.getBinary(i)));
    }
    return headers;
  }

  /** True when {@code row} gives no record: an upsert table's UPDATE_BEFORE. */
  boolean skips(Row row) {
    return upsert && row.kind() == RowKind.UPDATE_BEFORE;
  }

  /** The changes the records can represent: the value format's, or an upsert table's. */
  ChangelogMode changelogMode() {
    // An upsert table takes before-images too: they are dropped, see skips().
    return upsert ? ChangelogMode.all() : valueEncoder.changelogMode();
  }

  private void init() {
    var types = layout.physicalType().fieldTypes();
    keyCopier = new RowCopier(types, layout.keyFields());
    valueCopier = new RowCopier(types, layout.valueFields());
    keyRow = new GenericRow(layout.keyFields().length);
    valueRow = new GenericRow(layout.valueFields().length);
    buffer = new DataOutputSerializer(256);
  }

  /** The key's bytes, or null when the table has no key columns. */
  byte[] key(Row row) throws IOException {
    if (keyEncoder == null) {
      return null;
    }
    if (buffer == null) {
      init();
    }
    keyCopier.copy(row, keyRow);
    return encode(keyEncoder, keyRow);
  }

  /**
   * The value's bytes; null (a tombstone) for an upsert table's DELETE, and where the format
   * writes the row as no bytes at all ({@code raw}'s NULL).
   */
  byte[] value(Row row) throws IOException {
    if (upsert && row.kind() == RowKind.DELETE) {
      return null;
    }
    if (buffer == null) {
      init();
    }
    valueCopier.copy(row, valueRow);
    if (valueEncoder.encodesAsAbsent(valueRow)) {
      return null;
    }
    return encode(valueEncoder, valueRow);
  }

  private byte[] encode(RowEncoder encoder, Row row) throws IOException {
    buffer.clear();
    encoder.encode(row, buffer);
    return buffer.toByteArray();
  }
}
