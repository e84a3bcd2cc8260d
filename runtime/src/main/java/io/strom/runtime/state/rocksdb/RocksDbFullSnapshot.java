package io.strom.runtime.state.rocksdb;

import io.strom.runtime.state.KeyGroupSnapshot;
import io.strom.runtime.state.KeyGroupStateFormat;
import io.strom.runtime.state.StateKind;
import io.strom.serde.DataInputDeserializer;
import io.strom.serde.DataOutputSerializer;
import io.strom.serde.DataOutputView;
import io.strom.serde.DynamicSerializer;
import io.strom.serde.TypeSerializer;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksIterator;

/**
 * A full snapshot of a RocksDB backend's states in the {@link KeyGroupStateFormat}, the form of
 * savepoints and of checkpoints that are not incremental. The task's thread only takes a RocksDB
 * snapshot and notes which states exist; a snapshot thread then reads the rows through it, key
 * group by key group, and writes them out. Only one key group is on the heap at a time: its
 * sections must be whole before they are written, as the format puts their lengths first.
 *
 * <p>Stored values already have the format's per-entry layout, so writing copies bytes; only list
 * element counts and map entry groups are derived.
 */
final class RocksDbFullSnapshot implements KeyGroupSnapshot {

  /** A declared state as it was at the snapshot, with serializers of the snapshot thread's own. */
  record FrozenState(
      String name, StateKind kind, boolean timed, ColumnFamilyHandle cf,
      TypeSerializer<Object> values) {}

  private final RocksDbReadSnapshot snapshot;
  private final List<FrozenState> states;
  /** Restored states not declared yet: their sections wait as bytes in the restored column. */
  private final Map<String, StateKind> restored;
  private final ColumnFamilyHandle restoredColumn;
  private final TypeSerializer<Object> keys = new DynamicSerializer();
  private final TypeSerializer<Object> namespaces = new DynamicSerializer();
  private final DataInputDeserializer in = new DataInputDeserializer();
  private final DataOutputSerializer keyGroupBytes = new DataOutputSerializer(4096);
  private final DataOutputSerializer section = new DataOutputSerializer(4096);
  private final DataOutputSerializer rowKey = new DataOutputSerializer(64);

  /** Called on the task's thread: the synchronous part. */
  RocksDbFullSnapshot(
      RocksDbDatabase db,
      List<FrozenState> states,
      Map<String, StateKind> restored,
      ColumnFamilyHandle restoredColumn) {
    this.states = List.copyOf(states);
    // In the backend's order, so equal state gives equal files.
    this.restored = Collections.unmodifiableMap(new LinkedHashMap<>(restored));
    this.restoredColumn = restoredColumn;
    this.snapshot = new RocksDbReadSnapshot(db);
  }

  @Override
  public void writeKeyGroup(int keyGroup, DataOutputView out) throws IOException {
    DataOutputSerializer bytes = keyGroupBytes;
    bytes.clear();
    bytes.writeInt(0);
    int count = 0;
    for (FrozenState state : states) {
      section.clear();
      if (writeState(state, keyGroup, section) > 0) {
        KeyGroupStateFormat.writeSection(
            bytes, state.name(), state.kind(), state.timed(), section.buffer(), section.length());
        count++;
      }
    }
    for (Map.Entry<String, StateKind> e : restored.entrySet()) {
      byte[] stored = snapshot.get(restoredColumn, restoredRowKey(rowKey, keyGroup, e.getKey()));
      if (stored != null) {
        // Stored as byte kind | bool timed | body.
        KeyGroupStateFormat.writeSection(
            bytes, e.getKey(), e.getValue(), stored[1] != 0,
            Arrays.copyOfRange(stored, 2, stored.length), stored.length - 2);
        count++;
      }
    }
    bytes.writeIntAt(0, count);
    out.write(bytes.buffer(), 0, bytes.length());
  }

  /** The row key of a restored section: {@code short keyGroup | UTF name}. */
  static byte[] restoredRowKey(DataOutputSerializer out, int keyGroup, String stateName)
      throws IOException {
    out.clear();
    out.writeShort(keyGroup);
    out.writeUTF(stateName);
    return out.toByteArray();
  }

  /** Writes the entries of one state in one key group; returns how many it wrote. */
  private int writeState(FrozenState state, int keyGroup, DataOutputSerializer out)
      throws IOException {
    byte[] prefix = RocksDbDatabase.keyGroupPrefix(keyGroup);
    out.writeInt(0);
    int count = 0;
    // For map state: the (key, namespace) whose entries are being written, and where its count is.
    byte[] group = null;
    int groupCountAt = -1;
    int groupCount = 0;
    try (RocksIterator it = snapshot.newIterator(state.cf())) {
      for (it.seek(prefix); it.isValid(); it.next()) {
        byte[] row = it.key();
        if (!RocksDbMapState.startsWith(row, prefix)) {
          break;
        }
        byte[] value = it.value();
        switch (state.kind()) {
          case MAP -> {
            if (group == null || !RocksDbMapState.startsWith(row, group)) {
              if (group != null) {
                out.writeIntAt(groupCountAt, groupCount);
              }
              group = Arrays.copyOf(row, RocksDbSnapshotSerde.keyAndNamespaceEnd(
                  row, in, keys, namespaces));
              out.write(group, prefix.length, group.length - prefix.length);
              groupCountAt = out.length();
              out.writeInt(0);
              groupCount = 0;
              count++;
            }
            out.write(row, group.length, row.length - group.length);
            out.write(value);
            groupCount++;
          }
          case LIST -> {
            out.write(row, prefix.length, row.length - prefix.length);
            in.setBuffer(value, 0, value.length);
            out.writeInt(RocksDbListState.countElements(in, state.timed(), state.values()));
            out.write(value);
            count++;
          }
          default -> {
            out.write(row, prefix.length, row.length - prefix.length);
            out.write(value);
            count++;
          }
        }
      }
    }
    if (group != null) {
      out.writeIntAt(groupCountAt, groupCount);
    }
    out.writeIntAt(0, count);
    return count;
  }

  @Override
  public void close() {
    snapshot.close();
  }
}
