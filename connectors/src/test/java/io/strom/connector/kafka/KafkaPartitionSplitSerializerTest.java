package io.strom.connector.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.serde.DataInputDeserializer;
import io.strom.serde.DataOutputSerializer;
import io.strom.serde.DynamicSerializer;
import io.strom.serde.TypeSerializer;
import java.io.IOException;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** Kafka splits in checkpoints: what is written reads back, and older state is refused clearly. */
class KafkaPartitionSplitSerializerTest {
  private final KafkaPartitionSplitSerializer serializer = new KafkaPartitionSplitSerializer();

  private static <T> byte[] write(TypeSerializer<T> serializer, T value) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(32);
    serializer.serialize(value, out);
    return out.toByteArray();
  }

  private KafkaPartitionSplit read(byte[] bytes) throws IOException {
    DataInputDeserializer in = new DataInputDeserializer();
    in.setBuffer(bytes, 0, bytes.length);
    return serializer.deserialize(in);
  }

  @Test
  void splitsAndHandedOutRecordsReadBackAsWritten() throws IOException {
    KafkaPartitionSplit open = new KafkaPartitionSplit("orders", 3, 17, KafkaPartitionSplit.NO_STOPPING_OFFSET);
    KafkaPartitionSplit bounded = new KafkaPartitionSplit("orders", 0, 2, 9);
    KafkaPartitionSplit handedOut = KafkaPartitionSplit.handedOut(new TopicPartition("orders", 1));

    assertThat(read(write(serializer, open))).isEqualTo(open);
    assertThat(read(write(serializer, bounded))).isEqualTo(bounded);
    assertThat(read(write(serializer, handedOut))).isEqualTo(handedOut);
    assertThat(handedOut.handedOut()).isTrue();
    assertThat(open.withStartingOffset(20).handedOut()).isFalse();
  }

  @Test
  void stateWrittenBeforeTheFormatHadAVersionIsRefusedWithAWayOut() throws IOException {
    // Before, splits went into checkpoints through the self-describing serializer.
    byte[] old = write(new DynamicSerializer(), new KafkaPartitionSplit("orders", 0, 5, 9));

    assertThatThrownBy(() -> read(old))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("does not read")
        .hasMessageContaining("Start the job without it")
        .hasMessageContaining("'group-offsets'");
  }
}
