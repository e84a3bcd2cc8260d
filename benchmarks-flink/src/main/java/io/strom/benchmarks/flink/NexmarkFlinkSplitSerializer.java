package io.strom.benchmarks.flink;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Serializer of Nexmark splits and of the enumerator's list of unassigned splits. Flink asks for
 * them even though the benchmark takes no checkpoints.
 */
final class NexmarkFlinkSplitSerializer {
  private static final int VERSION = 1;

  private NexmarkFlinkSplitSerializer() {}

  /** One split. */
  static final class OfSplit implements SimpleVersionedSerializer<NexmarkFlinkSplit> {
    @Override
    public int getVersion() {
      return VERSION;
    }

    @Override
    public byte[] serialize(NexmarkFlinkSplit split) throws IOException {
      return write(List.of(split));
    }

    @Override
    public NexmarkFlinkSplit deserialize(int version, byte[] bytes) throws IOException {
      return read(version, bytes).get(0);
    }
  }

  /** The enumerator's checkpoint: the splits no reader has taken. */
  static final class OfList implements SimpleVersionedSerializer<List<NexmarkFlinkSplit>> {
    @Override
    public int getVersion() {
      return VERSION;
    }

    @Override
    public byte[] serialize(List<NexmarkFlinkSplit> splits) throws IOException {
      return write(splits);
    }

    @Override
    public List<NexmarkFlinkSplit> deserialize(int version, byte[] bytes) throws IOException {
      return read(version, bytes);
    }
  }

  private static byte[] write(List<NexmarkFlinkSplit> splits) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(splits.size());
      for (NexmarkFlinkSplit split : splits) {
        out.writeUTF(split.id());
        out.writeLong(split.next());
        out.writeLong(split.end());
        out.writeInt(split.stride());
      }
    }
    return bytes.toByteArray();
  }

  private static List<NexmarkFlinkSplit> read(int version, byte[] bytes) throws IOException {
    if (version != VERSION) {
      throw new IOException("Unknown nexmark split version " + version);
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      int count = in.readInt();
      List<NexmarkFlinkSplit> splits = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        splits.add(new NexmarkFlinkSplit(in.readUTF(), in.readLong(), in.readLong(), in.readInt()));
      }
      return splits;
    }
  }
}
