package io.strom.connector.kafka;

import io.strom.serde.DataInputView;
import io.strom.serde.DataOutputView;
import io.strom.serde.TypeSerializer;
import java.io.IOException;

/**
 * Writes Kafka splits into checkpoints, the readers' and the enumerator's alike, behind a format
 * version. Version 1 added {@link KafkaPartitionSplit#handedOut()}; checkpoints from before it
 * wrote splits self-describing, and are refused with an error that says what to do instead.
 */
final class KafkaPartitionSplitSerializer implements TypeSerializer<KafkaPartitionSplit> {
  private static final long serialVersionUID = 1L;
  static final byte VERSION = 1;

  @Override
  public void serialize(KafkaPartitionSplit split, DataOutputView target) throws IOException {
    target.writeByte(VERSION);
    target.writeUTF(split.topic());
    target.writeInt(split.partition());
    target.writeLong(split.startingOffset());
    target.writeLong(split.stoppingOffset());
    target.writeBoolean(split.handedOut());
  }

  @Override
  public KafkaPartitionSplit deserialize(DataInputView source) throws IOException {
    byte version = source.readByte();
    if (version != VERSION) {
      throw new IOException("The checkpoint holds Kafka source state in format " + version
          + ", which this Strom does not read (it reads format " + VERSION + "; checkpoints of"
          + " Strom versions before partition discovery survived restores have no format"
          + " number). Start the job without it: with 'scan.startup.mode' = 'group-offsets' the"
          + " source continues from the offsets its consumer group committed.");
    }
    return new KafkaPartitionSplit(source.readUTF(), source.readInt(), source.readLong(),
        source.readLong(), source.readBoolean());
  }

  @Override
  public KafkaPartitionSplit copy(KafkaPartitionSplit split) {
    return split;
  }

  @Override
  public boolean isImmutableType() {
    return true;
  }
}
