package io.strom.runtime.state.heap;

import io.strom.runtime.state.KeyGroupSectionsWriter;
import io.strom.runtime.state.KeyGroupSnapshot;
import io.strom.runtime.state.KeyGroupStateFormat;
import io.strom.runtime.state.StateKind;
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
  private final KeyGroupSectionsWriter sections = new KeyGroupSectionsWriter();
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
   * Appends the captured state of one key group of the backend's range to {@code out}; to a
   * stream (a state file) through a buffer holding that key group only.
   */
  @Override
  public void writeKeyGroup(int keyGroup, DataOutputView out) throws IOException {
    if (released) {
      throw new IllegalStateException(
          "Bug: writing key group " + keyGroup + " of a heap state snapshot already released");
    }
    sections.writeKeyGroup(out, writer -> writeSections(keyGroup, writer));
  }

  private void writeSections(int keyGroup, KeyGroupSectionsWriter writer) throws IOException {
    for (CapturedState<?> state : states) {
      DataOutputView body = writer.openSection(state.name(), state.kind(), state.timed());
      writer.closeSection(state.write(keyGroup, body) > 0);
    }
    for (CapturedRestoredState state : restored) {
      HeapKeyedStateBackend.Section section = state.sections().get(keyGroup);
      if (section != null) {
        writer.writeSection(
            state.name(), state.kind(), section.timed(), section.body(), 0,
            section.body().length);
      }
    }
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

    /** Writes the key group's entries to {@code out}; returns how many (none: nothing written). */
    int write(int keyGroup, DataOutputView out) throws IOException {
      return serde.write(
          table.slotsOf(keyGroup),
          table.valuesOf(keyGroup),
          table.timestampsOf(keyGroup),
          table.sizeOf(keyGroup),
          timed,
          out);
    }
  }

  /** A restored state not declared again yet: its bytes per key group, as restored. */
  record CapturedRestoredState(
      String name, StateKind kind, Map<Integer, HeapKeyedStateBackend.Section> sections) {}
}
