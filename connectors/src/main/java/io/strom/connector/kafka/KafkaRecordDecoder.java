package io.strom.connector.kafka;

import static java.util.Objects.requireNonNull;

import io.strom.connector.ConnectorException;
import io.strom.connector.DecoderContext;
import io.strom.connector.Projections;
import io.strom.connector.RowCollector;
import io.strom.connector.RowCopier;
import io.strom.connector.RowDecodeException;
import io.strom.connector.RowDecoder;
import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.data.RowKind;
import io.strom.runtime.metrics.Counter;
import io.strom.types.LogicalType;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a Kafka record into table rows: decodes the key (when the table has key columns) and the
 * value with their formats, places each decoded field at its column, and appends the metadata
 * columns. A record whose value is null (a tombstone) gives no row (with {@code raw}, a row with a
 * NULL), or for an upsert table the DELETE of its key. Likewise, when the table has key columns, a
 * record whose key is null gives no row unless the key format reads an absent key ({@code raw}:
 * NULL key columns), as in Flink; such records are counted in {@value #WITHOUT_KEY_METRIC} and
 * the first one is logged.
 *
 * <p>Created while planning; each reader uses its own copy on its task's thread.
 */
final class KafkaRecordDecoder implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int MAX_QUOTED_BYTES = 200;
  private static final Logger LOG = LoggerFactory.getLogger(KafkaRecordDecoder.class);

  /** The counter of records dropped because the table has key columns and they had no key. */
  static final String WITHOUT_KEY_METRIC = "numRecordsDroppedWithoutKey";

  /**
   * One side of a record, key or value.
   *
   * @param decoder decodes the bytes into a row of {@code types}
   * @param types the decoded row's field types
   * @param targets the produced column of each decoded field
   * @param formatOptionPrefix how the user writes this format's options, e.g. {@code key.json.}
   */
  record Part(RowDecoder decoder, List<LogicalType> types, int[] targets, String formatOptionPrefix)
      implements Serializable {
    Part {
      requireNonNull(decoder, "decoder");
      types = List.copyOf(types);
      requireNonNull(formatOptionPrefix, "formatOptionPrefix");
    }
  }

  private final Part key;
  private final Part value;
  private final List<KafkaMetadata> metadata;
  private final int physicalArity;
  private final boolean tombstonesAsDeletes;

  private transient RowCopier keyHolderCopier;
  private transient RowCopier keyScatter;
  private transient RowCopier valueScatter;
  private transient GenericRow keyHolder;
  private transient Counter droppedWithoutKey;

  /**
   * @param key the key's part, or null when no column comes from the key
   * @param value the value's part
   * @param metadata metadata columns appended after the {@code physicalArity} physical ones
   * @param tombstonesAsDeletes whether a record with a null value is a DELETE of its key (upsert
   *     tables) rather than no row
   */
  KafkaRecordDecoder(
      Part key,
      Part value,
      List<KafkaMetadata> metadata,
      int physicalArity,
      boolean tombstonesAsDeletes) {
    this.key = key;
    this.value = requireNonNull(value, "value");
    this.metadata = List.copyOf(metadata);
    this.physicalArity = physicalArity;
    this.tombstonesAsDeletes = tombstonesAsDeletes;
  }

  void open(DecoderContext context) {
    if (key != null) {
      key.decoder().open(context);
      keyHolderCopier = RowCopier.all(key.types());
      keyScatter = new RowCopier(key.types(), Projections.identity(key.types().size()), key.targets());
      keyHolder = new GenericRow(key.types().size());
      droppedWithoutKey = context.metrics().counter(WITHOUT_KEY_METRIC);
    }
    value.decoder().open(context);
    valueScatter =
        new RowCopier(value.types(), Projections.identity(value.types().size()), value.targets());
  }

  /** Emits the rows of {@code record} to {@code out}; fails naming the record on malformed bytes. */
  void decode(ConsumerRecord<byte[], byte[]> record, Consumer<Row> out) {
    boolean tombstone = record.value() == null;
    boolean keyPresent = key != null && record.key() != null;
    if (keyPresent
        && decodePart(record, key, record.key(), "key", k -> keyHolderCopier.copy(k, keyHolder)) == 0) {
      return; // a malformed key, skipped and counted by its format
    }
    if (key != null && !keyPresent && !absentKeyRead()) {
      dropWithoutKey(record);
      return;
    }
    if (tombstone && !tombstonesAsDeletes) {
      // Only a format that reads a record without value as a row (raw's NULL) gives one.
      value.decoder().decodeAbsent(valueRow -> out.accept(row(record, keyPresent, valueRow)));
      return;
    }
    if (tombstone) {
      if (keyPresent) {
        out.accept(row(record, true, null));
      }
      return; // a tombstone without a key deletes nothing
    }
    decodePart(record, value, record.value(), "value", valueRow -> out.accept(row(record, keyPresent, valueRow)));
  }

  /** Whether the key format reads an absent key as a row (raw's NULL), kept in the key holder. */
  private boolean absentKeyRead() {
    boolean[] read = {false};
    key.decoder().decodeAbsent(k -> {
      keyHolderCopier.copy(k, keyHolder);
      read[0] = true;
    });
    return read[0];
  }

  private void dropWithoutKey(ConsumerRecord<byte[], byte[]> record) {
    if (droppedWithoutKey.count() == 0) {
      LOG.warn("The record at offset {} of partition {} of topic '{}' has no key, so it gives no"
          + " row: the table reads columns from the key with a format that cannot read an absent"
          + " key (as in Flink). Records without key are counted in {}; use 'key.format' = 'raw'"
          + " to read them with NULL key columns.",
          record.offset(), record.partition(), record.topic(), WITHOUT_KEY_METRIC);
    }
    droppedWithoutKey.inc();
  }

  /**
   * The table row of a record: key columns from the key (NULL without one), the value's columns
   * (NULL for a tombstone, whose row is a DELETE), then the metadata; the row takes the kind the
   * value format gave it.
   */
  private GenericRow row(ConsumerRecord<byte[], byte[]> record, boolean keyPresent, Row valueRow) {
    GenericRow row = new GenericRow(physicalArity + metadata.size());
    if (key != null) {
      if (keyPresent) {
        keyScatter.copy(keyHolder, row);
      } else {
        for (int target : key.targets()) {
          row.setNullAt(target);
        }
      }
    }
    if (valueRow == null) {
      row.setKind(RowKind.DELETE);
    } else {
      valueScatter.copy(valueRow, row);
      row.setKind(valueRow.kind());
    }
    for (int i = 0; i < metadata.size(); i++) {
      row.setField(physicalArity + i, metadata.get(i).valueOf(record));
    }
    return row;
  }

  /** Decodes one part; returns how many rows it gave (0 when a malformed record was skipped). */
  private static int decodePart(
      ConsumerRecord<byte[], byte[]> record, Part part, byte[] bytes, String side, RowCollector sink) {
    int[] count = {0};
    try {
      part.decoder().decode(bytes, 0, bytes.length, row -> {
        count[0]++;
        sink.collect(row);
      });
    } catch (RowDecodeException e) {
      int shown = Math.min(bytes.length, MAX_QUOTED_BYTES);
      String text = new String(bytes, 0, shown, StandardCharsets.UTF_8)
          + (bytes.length > shown ? "..." : "");
      throw new ConnectorException(
          "Could not decode the " + side + " of the record at offset " + record.offset()
              + " of partition " + record.partition() + " of topic '" + record.topic() + "': "
              + e.getMessage() + ". The " + side + ": " + text + " (set '"
              + part.formatOptionPrefix() + "ignore-parse-errors' = 'true' to skip malformed records)",
          e.getCause());
    }
    return count[0];
  }
}
