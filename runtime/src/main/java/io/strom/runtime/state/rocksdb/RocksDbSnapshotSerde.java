package io.strom.runtime.state.rocksdb;

import io.strom.runtime.state.KeyGroupStateFormat;
import io.strom.runtime.state.StateKind;
import io.strom.serde.DataInputDeserializer;
import io.strom.serde.DataOutputSerializer;
import io.strom.serde.TypeSerializer;
import java.io.IOException;
import java.util.Arrays;
import org.rocksdb.RocksIterator;

/**
 * Loads a section body of the {@link KeyGroupStateFormat} into a RocksDB state's rows (writing
 * them is {@link RocksDbFullSnapshot}'s part), and counts a state's entries. Loading keeps every key, namespace and value byte as written, adding or
 * dropping timestamps when the state's time-to-live setting changed.
 *
 * <p>Used only on the task's thread.
 */
final class RocksDbSnapshotSerde {
  private final RocksDbDatabase db;
  private final DataInputDeserializer in = new DataInputDeserializer();

  RocksDbSnapshotSerde(RocksDbDatabase db) {
    this.db = db;
  }

  /** The end of the {@code keyGroup | key | namespace} part of a row key. */
  static int keyAndNamespaceEnd(
      byte[] rowKey,
      DataInputDeserializer in,
      TypeSerializer<Object> keys,
      TypeSerializer<Object> namespaces)
      throws IOException {
    in.setBuffer(rowKey, RocksDbDatabase.KEY_GROUP_BYTES, rowKey.length - 2);
    keys.deserialize(in);
    namespaces.deserialize(in);
    return in.position();
  }

  /** The number of (key, namespace) entries of a state, over all key groups. */
  long count(AbstractRocksDbState<?, ?> state) throws IOException {
    long count = 0;
    byte[] group = null;
    try (RocksIterator it = db.newIterator(state.cf)) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        if (state.kind() != StateKind.MAP) {
          count++;
          continue;
        }
        byte[] rowKey = it.key();
        if (group == null || !RocksDbMapState.startsWith(rowKey, group)) {
          group = Arrays.copyOf(rowKey, keyAndNamespaceEnd(rowKey, in, db.keys, db.namespaces));
          count++;
        }
      }
    }
    return count;
  }

  /**
   * Loads a section body of one key group into a state's rows.
   *
   * @param writtenTimed whether the writer's state had a time-to-live
   */
  void read(AbstractRocksDbState<?, ?> state, int keyGroup, boolean writtenTimed, byte[] body)
      throws IOException {
    read(state, keyGroup, writtenTimed, body, 0, body.length);
  }

  /** As {@link #read(AbstractRocksDbState, int, boolean, byte[])}, the body a part of {@code buffer}. */
  void read(
      AbstractRocksDbState<?, ?> state, int keyGroup, boolean writtenTimed, byte[] body,
      int offset, int length)
      throws IOException {
    boolean timed = state.ttl.enabled;
    long now = timed ? state.ttl.now() : 0L;
    DataOutputSerializer key = db.keyOut;
    DataOutputSerializer value = db.valueOut;
    in.setBuffer(body, offset, length);
    int n = in.readInt();
    try (RocksDbRestoreBatch rows = new RocksDbRestoreBatch(db)) {
      for (int i = 0; i < n; i++) {
        int keyStart = in.position();
        db.keys.deserialize(in);
        db.namespaces.deserialize(in);
        int keyEnd = in.position();
        switch (state.kind()) {
          case MAP -> {
            int size = in.readInt();
            for (int e = 0; e < size; e++) {
              key.clear();
              key.writeShort(keyGroup);
              key.write(body, keyStart, keyEnd - keyStart);
              int userKeyStart = in.position();
              ((RocksDbMapState<?, ?, ?, ?>) state).userKeys.deserialize(in);
              key.write(body, userKeyStart, in.position() - userKeyStart);
              value.clear();
              copyStamp(writtenTimed, timed, now, value);
              boolean present = in.readBoolean();
              value.writeBoolean(present);
              if (present) {
                copyValue(state, body, value);
              }
              rows.put(state.cf);
            }
          }
          case LIST -> {
            startRow(keyGroup, body, keyStart, keyEnd);
            int size = in.readInt();
            value.clear();
            for (int e = 0; e < size; e++) {
              copyStamp(writtenTimed, timed, now, value);
              copyValue(state, body, value);
            }
            rows.put(state.cf);
          }
          default -> {
            startRow(keyGroup, body, keyStart, keyEnd);
            value.clear();
            copyStamp(writtenTimed, timed, now, value);
            copyValue(state, body, value);
            rows.put(state.cf);
          }
        }
      }
    }
  }

  private void startRow(int keyGroup, byte[] body, int keyStart, int keyEnd) {
    DataOutputSerializer key = db.keyOut;
    key.clear();
    key.writeShort(keyGroup);
    key.write(body, keyStart, keyEnd - keyStart);
  }

  /** Reads a timestamp if one was written and writes one if the state has a time-to-live. */
  private void copyStamp(boolean writtenTimed, boolean timed, long now, DataOutputSerializer out)
      throws IOException {
    long stamp = writtenTimed ? in.readLong() : now;
    if (timed) {
      out.writeLong(stamp);
    }
  }

  /** Copies one value's bytes as written, finding its end with the state's serializer. */
  private void copyValue(AbstractRocksDbState<?, ?> state, byte[] body, DataOutputSerializer out)
      throws IOException {
    int start = in.position();
    state.values.deserialize(in);
    out.write(body, start, in.position() - start);
  }
}
