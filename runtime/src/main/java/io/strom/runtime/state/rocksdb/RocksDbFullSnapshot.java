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
import java.util.ArrayList;
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
 * group by key group, and writes them out. Only one state's section of one key group is on the heap
 * at a time: a section must be whole before it is written, as the format puts its length first.
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
    // Each section goes out as soon as it is serialized, so the heap holds one state's entries of
    // one key group, never the whole key group a second time. The format puts the number of
    // sections first: count them by looking for a first row, which copies no values.
    List<FrozenState> present = new ArrayList<>(states.size());
    for (FrozenState state : states) {
      if (hasRowWithPrefix(state.cf(), RocksDbDatabase.keyGroupPrefix(keyGroup), false)) {
        present.add(state);
      }
    }
    List<Map.Entry<String, StateKind>> restoredHere = new ArrayList<>();
    for (Map.Entry<String, StateKind> e : restored.entrySet()) {
      if (hasRowWithPrefix(restoredColumn, restoredRowKey(rowKey, keyGroup, e.getKey()), true)) {
        restoredHere.add(e);
      }
    }
    out.writeInt(present.size() + restoredHere.size());
    for (FrozenState state : present) {
      section.clear();
      writeState(state, keyGroup, section);
      KeyGroupStateFormat.writeSection(
          out, state.name(), state.kind(), state.timed(), section.buffer(), 0, section.length());
    }
    for (Map.Entry<String, StateKind> e : restoredHere) {
      byte[] stored = snapshot.get(restoredColumn, restoredRowKey(rowKey, keyGroup, e.getKey()));
      // Stored as byte kind | bool timed | body.
      KeyGroupStateFormat.writeSection(
          out, e.getKey(), e.getValue(), stored[1] != 0, stored, 2, stored.length - 2);
    }
  }

  /** Whether {@code cf} has a row starting with {@code prefix} (or equal to it, if {@code exact}). */
  private boolean hasRowWithPrefix(ColumnFamilyHandle cf, byte[] prefix, boolean exact) {
    try (RocksIterator it = snapshot.newIterator(cf)) {
      it.seek(prefix);
      if (!it.isValid()) {
        return false;
      }
      byte[] row = it.key();
      return exact ? Arrays.equals(row, prefix) : RocksDbMapState.startsWith(row, prefix);
    }
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
