package io.strom.runtime.state.heap;

import io.strom.runtime.state.KeyGroupSnapshot;
import io.strom.runtime.state.KeyGroupStateFormat;
import io.strom.runtime.state.StateKind;
import io.strom.serde.DataOutputSerializer;
import io.strom.serde.DataOutputView;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A checkpoint's view of a {@link HeapKeyedStateBackend}: captured on the task's thread without
 * serializing anything ({@link HeapKeyedStateBackend#capture}), then written key group by key group
 * in the {@link KeyGroupStateFormat} on another thread while the task goes on changing its state.
 * The backend's tables copy what they change while the snapshot runs, so the written state is the
 * captured one exactly.
 *
 * <p>{@link #release} it once written, or when the checkpoint is given up: until then the task
 * keeps copying what it changes. Written by one thread at a time; released from any thread.
 */
public final class HeapStateSnapshot implements KeyGroupSnapshot {
  private final SnapshotVersions versions;
  private final int version;
  private final List<CapturedState<?>> states;
  private final List<CapturedRestoredState> restored;
  private final DataOutputSerializer scratch = new DataOutputSerializer(256);
  /** One key group's sections, whose count is known only once they are written. */
  private final DataOutputSerializer keyGroupSections = new DataOutputSerializer(4096);
  private volatile boolean released;

  HeapStateSnapshot(
      SnapshotVersions versions,
      int version,
      List<CapturedState<?>> states,
      List<CapturedRestoredState> restored) {
    this.versions = versions;
    this.version = version;
    this.states = states;
    this.restored = restored;
  }

  /**
   * Appends the captured state of one key group of the backend's range to a stream (a state
   * file), through a buffer holding that key group only.
   */
  @Override
  public void writeKeyGroup(int keyGroup, DataOutputView out) throws IOException {
    keyGroupSections.clear();
    writeKeyGroup(keyGroup, keyGroupSections);
    out.write(keyGroupSections.buffer(), 0, keyGroupSections.length());
  }

  /** Appends the captured state of one key group of the backend's range. */
  public void writeKeyGroup(int keyGroup, DataOutputSerializer out) throws IOException {
    if (released) {
      throw new IllegalStateException(
          "Bug: writing key group " + keyGroup + " of a heap state snapshot already released");
    }
    int countAt = out.length();
    out.writeInt(0);
    int count = 0;
    for (CapturedState<?> state : states) {
      if (state.write(keyGroup, scratch) > 0) {
        KeyGroupStateFormat.writeSection(
            out, state.name(), state.kind(), state.timed(), scratch.buffer(), scratch.length());
        count++;
      }
    }
    for (CapturedRestoredState state : restored) {
      HeapKeyedStateBackend.Section section = state.sections().get(keyGroup);
      if (section != null) {
        KeyGroupStateFormat.writeSection(
            out, state.name(), state.kind(), section.timed(), section.body(),
            section.body().length);
        count++;
      }
    }
    out.writeIntAt(countAt, count);
  }

  /** Lets the backend change its state in place again; releasing again does nothing. */
  public void release() {
    released = true;
    versions.release(version);
  }

  @Override
  public void close() {
    release();
  }

  /** One declared state as captured, with a serde of the writer's own. */
  record CapturedState<K>(
      String name,
      StateKind kind,
      boolean timed,
      HeapSnapshotSerde<K> serde,
      CapturedTable<K, ?> table) {

    /** Writes the key group's entries into {@code scratch}, cleared first; returns how many. */
    int write(int keyGroup, DataOutputSerializer scratch) throws IOException {
      scratch.clear();
      return serde.write(
          table.slotsOf(keyGroup),
          table.valuesOf(keyGroup),
          table.timestampsOf(keyGroup),
          table.sizeOf(keyGroup),
          timed,
          scratch);
    }
  }

  /** A restored state not declared again yet: its bytes per key group, as restored. */
  record CapturedRestoredState(
      String name, StateKind kind, Map<Integer, HeapKeyedStateBackend.Section> sections) {}
}
