package io.strom.connector.kafka;

import static java.util.Objects.requireNonNull;

import io.strom.connector.kafka.KafkaSinkSettings.UpsertBufferSettings;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Records of an upsert sink waiting to be sent: only the last record per key, since each replaces
 * the one before it, in the order their keys first arrived. Full after {@code max-rows} keys or
 * once the oldest waited {@code interval}.
 *
 * <p>Used only on the writer's task thread.
 */
final class UpsertBuffer {
  private final UpsertBufferSettings settings;
  private final LinkedHashMap<ByteBuffer, ProducerRecord<byte[], byte[]>> byKey = new LinkedHashMap<>();
  private long oldestMillis;

  UpsertBuffer(UpsertBufferSettings settings) {
    this.settings = requireNonNull(settings, "settings");
  }

  /** Buffers {@code record} (which has a key); true when the buffer should be sent now. */
  boolean add(ProducerRecord<byte[], byte[]> record, long nowMillis) {
    if (byKey.isEmpty()) {
      oldestMillis = nowMillis;
    }
    byKey.put(ByteBuffer.wrap(record.key()), record);
    return byKey.size() >= settings.maxRows() || nowMillis - oldestMillis >= settings.intervalMillis();
  }

  /** The buffered records, leaving the buffer empty. */
  List<ProducerRecord<byte[], byte[]>> drain() {
    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(byKey.values());
    byKey.clear();
    return records;
  }
}
