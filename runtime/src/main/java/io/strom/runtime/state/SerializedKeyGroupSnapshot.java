package io.strom.runtime.state;

import io.strom.serde.DataOutputSerializer;
import io.strom.serde.DataOutputView;
import java.io.IOException;

/**
 * A {@link KeyGroupSnapshot} serialized in full on the task's thread, into memory, and copied out
 * later: for state that lives on the heap anyway and has no cheaper way to freeze itself.
 */
public final class SerializedKeyGroupSnapshot implements KeyGroupSnapshot {

  /** Serializes one key group, as a checkpoint wants it. */
  @FunctionalInterface
  public interface KeyGroupSerializer {
    void serialize(int keyGroup, DataOutputSerializer out) throws IOException;
  }

  private final KeyGroupRange range;
  private final long[] ends;
  private DataOutputSerializer bytes;

  private SerializedKeyGroupSnapshot(KeyGroupRange range, long[] ends, DataOutputSerializer bytes) {
    this.range = range;
    this.ends = ends;
    this.bytes = bytes;
  }

  /** Serializes every key group of {@code range} now. */
  public static SerializedKeyGroupSnapshot of(KeyGroupRange range, KeyGroupSerializer serializer)
      throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(256);
    long[] ends = new long[range.size()];
    for (int kg = range.first(); kg <= range.last(); kg++) {
      serializer.serialize(kg, out);
      ends[kg - range.first()] = out.length();
    }
    return new SerializedKeyGroupSnapshot(range, ends, out);
  }

  @Override
  public void writeKeyGroup(int keyGroup, DataOutputView out) throws IOException {
    if (bytes == null) {
      throw new IllegalStateException("Bug: a key group snapshot was written after its release");
    }
    int index = keyGroup - range.first();
    int start = index == 0 ? 0 : (int) ends[index - 1];
    out.write(bytes.buffer(), start, (int) ends[index] - start);
  }

  @Override
  public void close() {
    bytes = null;
  }
}
