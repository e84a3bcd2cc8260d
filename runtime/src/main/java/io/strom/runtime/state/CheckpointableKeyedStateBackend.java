package io.strom.runtime.state;

import io.strom.serde.DataInputView;
import io.strom.serde.DataOutputSerializer;
import java.io.IOException;
import java.util.Set;

/**
 * A keyed state backend that checkpoints key group by key group in the {@link
 * KeyGroupStateFormat}, so a restore at another parallelism reads only the key groups it owns.
 *
 * <p>Restored state stays as written until the operator declares it again (only the descriptor
 * knows the value serializer); a state restored but not declared again is written to later
 * checkpoints as it was restored, so it is never lost. Used only on the task's thread.
 */
public interface CheckpointableKeyedStateBackend<K> extends KeyedStateBackend<K> {

  /**
   * Appends the state of one key group of this backend's range as a snapshot taken now writes it
   * (for tests and tools; checkpoints use {@link #snapshot}).
   */
  default void snapshotKeyGroup(int keyGroup, DataOutputSerializer out) throws IOException {
    try (KeyGroupSnapshot snapshot = snapshot()) {
      snapshot.writeKeyGroup(keyGroup, out);
    }
  }

  /**
   * The synchronous part of a checkpoint: freezes the state of every key group of this backend's
   * range, for a snapshot thread to write with {@link KeyGroupSnapshot#writeKeyGroup} (the same
   * bytes {@link #snapshotKeyGroup} writes) while the task goes on. The caller closes it.
   */
  KeyGroupSnapshot snapshot() throws IOException;

  /** Reads what {@link #snapshotKeyGroup} wrote for a key group of this backend's range. */
  void restoreKeyGroup(int keyGroup, DataInputView in) throws IOException;

  /** The names of the states declared so far, in declaration order. */
  Set<String> stateNames();

  /**
   * The number of (key, namespace) entries a state stores, counting expired entries not yet
   * cleaned up; 0 for a state that does not exist. May scan the whole state: for tests and
   * diagnostics.
   */
  long entryCount(String stateName);
}
