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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    // The format puts the number of sections first, so each state's iterator is positioned at
    // the key group once, which tells whether the state has rows there, and then writes them from
    // that position: one seek per state, and only one state's section on the heap at a time.
    byte[] prefix = RocksDbDatabase.keyGroupPrefix(keyGroup);
    RocksIterator[] positioned = new RocksIterator[states.size()];
    try {
      int sections = 0;
      for (int i = 0; i < positioned.length; i++) {
        RocksIterator it = snapshot.newIterator(states.get(i).cf());
        it.seek(prefix);
        if (atPrefix(it, prefix)) {
          positioned[i] = it;
          sections++;
        } else {
          it.close();
        }
      }
      List<Map.Entry<String, StateKind>> restoredHere = restoredSectionsOf(keyGroup, prefix);
      out.writeInt(sections + restoredHere.size());
      for (int i = 0; i < positioned.length; i++) {
        if (positioned[i] != null) {
          FrozenState state = states.get(i);
          section.clear();
          writeState(state, positioned[i], prefix, section);
          KeyGroupStateFormat.writeSection(
              out, state.name(), state.kind(), state.timed(), section.buffer(), 0,
              section.length());
        }
      }
      for (Map.Entry<String, StateKind> e : restoredHere) {
        byte[] stored = snapshot.get(restoredColumn, restoredRowKey(rowKey, keyGroup, e.getKey()));
        // Stored as byte kind | bool timed | body.
        KeyGroupStateFormat.writeSection(
            out, e.getKey(), e.getValue(), stored[1] != 0, stored, 2, stored.length - 2);
      }
    } finally {
      for (RocksIterator it : positioned) {
        if (it != null) {
          it.close();
        }
      }
    }
  }

  /** Whether {@code it} stands at a row of the key group whose prefix is {@code prefix}. */
  private static boolean atPrefix(RocksIterator it, byte[] prefix) {
    return it.isValid() && RocksDbMapState.startsWith(it.key(), prefix);
  }

  /**
   * The restored sections the key group has, in the backend's order: found by one walk over the
   * key group's row keys in the restored column, which reads their names and copies no section.
   */
  private List<Map.Entry<String, StateKind>> restoredSectionsOf(int keyGroup, byte[] prefix)
      throws IOException {
    if (restored.isEmpty()) {
      return List.of();
    }
    Set<String> names = new HashSet<>();
    try (RocksIterator it = snapshot.newIterator(restoredColumn)) {
      for (it.seek(prefix); atPrefix(it, prefix); it.next()) {
        byte[] row = it.key(); // short keyGroup | UTF name, see restoredRowKey
        in.setBuffer(row, prefix.length, row.length - prefix.length);
        names.add(in.readUTF());
      }
    }
    List<Map.Entry<String, StateKind>> here = new ArrayList<>(names.size());
    for (Map.Entry<String, StateKind> e : restored.entrySet()) {
      if (names.contains(e.getKey())) {
        here.add(e);
      }
    }
    return here;
  }

  /** The row key of a restored section: {@code short keyGroup | UTF name}. */
  static byte[] restoredRowKey(DataOutputSerializer out, int keyGroup, String stateName)
      throws IOException {
    out.clear();
    out.writeShort(keyGroup);
    out.writeUTF(stateName);
    return out.toByteArray();
  }

  /**
   * Writes the entries of one state in one key group, read from {@code it}, which stands at the
   * key group's first row; returns how many it wrote.
   */
  private int writeState(FrozenState state, RocksIterator it, byte[] prefix,
      DataOutputSerializer out) throws IOException {
    out.writeInt(0);
    int count = 0;
    // For map state: the (key, namespace) whose entries are being written, and where its count is.
    byte[] group = null;
    int groupCountAt = -1;
    int groupCount = 0;
    for (; it.isValid(); it.next()) {
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
