package io.strom.connector.kafka;

import io.strom.data.GenericMap;
import io.strom.data.StringData;
import io.strom.data.TimestampData;
import io.strom.types.DataTypes;
import io.strom.types.LogicalType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** The metadata columns a Kafka scan offers, as Flink names and types them. */
enum KafkaMetadata {
  TOPIC("topic", DataTypes.notNull(DataTypes.STRING())),
  PARTITION("partition", DataTypes.notNull(DataTypes.INT())),
  HEADERS("headers", DataTypes.notNull(DataTypes.MAP(DataTypes.STRING(), DataTypes.BYTES()))),
  LEADER_EPOCH("leader-epoch", DataTypes.INT()),
  OFFSET("offset", DataTypes.notNull(DataTypes.BIGINT())),
  TIMESTAMP("timestamp", DataTypes.notNull(DataTypes.TIMESTAMP_LTZ(3))),
  TIMESTAMP_TYPE("timestamp-type", DataTypes.notNull(DataTypes.STRING()));

  final String key;
  final LogicalType type;

  KafkaMetadata(String key, LogicalType type) {
    this.key = key;
    this.type = type;
  }

  static KafkaMetadata ofKey(String key) {
    for (KafkaMetadata m : values()) {
      if (m.key.equals(key)) {
        return m;
      }
    }
    return null;
  }

  /** The value of this metadata for {@code record}, as an internal value (null for none). */
  Object valueOf(ConsumerRecord<byte[], byte[]> record) {
    return switch (this) {
      case TOPIC -> StringData.fromString(record.topic());
      case PARTITION -> record.partition();
      case HEADERS -> headers(record);
      case LEADER_EPOCH -> record.leaderEpoch().orElse(null);
      case OFFSET -> record.offset();
      case TIMESTAMP -> TimestampData.fromEpochMillis(record.timestamp());
      case TIMESTAMP_TYPE -> StringData.fromString(record.timestampType().toString());
    };
  }

  /** The headers as a map; of repeated keys the last one wins, as in Flink. */
  private static GenericMap headers(ConsumerRecord<byte[], byte[]> record) {
    Map<StringData, byte[]> map = new LinkedHashMap<>();
    for (Header header : record.headers()) {
      map.put(StringData.fromString(header.key()), header.value());
    }
    return new GenericMap(map);
  }
}
