package io.strom.runtime.checkpoint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reference counts of the files in a job's shared checkpoint folder: a file is kept while a
 * retained checkpoint references it, and deleted once none does and no task can reuse it for a
 * later checkpoint.
 *
 * <p>Why the second condition: a task reuses the shared files of the latest checkpoint it heard
 * completed (its <em>base</em>, reported with each snapshot), and it may hear late. A file that
 * no retained checkpoint references is deleted only when the last checkpoint that referenced it is
 * older than every base a task may still use: the smallest base of the latest completed checkpoint,
 * or that checkpoint itself. Bases only grow (a restarted task's base is the checkpoint it
 * restored, the latest completed one), so such a file can never be referenced again.
 *
 * <p>Confined to the job's thread, like the {@link CheckpointCoordinator} that owns it.
 */
final class SharedStateRegistry {
  private final CheckpointStorage storage;
  private final Map<String, Entry> entries = new HashMap<>();

  /** One shared file. */
  private static final class Entry {
    final StateFile file;
    int references;
    long lastUsedBy;

    Entry(StateFile file) {
      this.file = file;
    }
  }

  SharedStateRegistry(CheckpointStorage storage) {
    this.storage = storage;
  }

  /**
   * A checkpoint completed: counts its references. Returns the bytes of files it wrote itself (its
   * incremental size): state files, list states, and native files not shared with an earlier one.
   */
  long register(CompletedCheckpoint checkpoint) {
    long written = 0;
    for (OperatorSubtaskState state : subtaskStates(checkpoint)) {
      written += state.sizeInBytes();
      for (StateFile file : nativeFiles(state)) {
        if (!file.isShared()) {
          continue;
        }
        Entry entry = entries.get(file.path());
        if (entry == null) {
          entry = new Entry(file);
          entries.put(file.path(), entry);
        } else {
          written -= file.length();
        }
        entry.references++;
        entry.lastUsedBy = Math.max(entry.lastUsedBy, checkpoint.checkpointId());
      }
    }
    return written;
  }

  /** A checkpoint is no longer retained: drops its references. */
  void release(CompletedCheckpoint checkpoint) {
    for (OperatorSubtaskState state : subtaskStates(checkpoint)) {
      for (StateFile file : nativeFiles(state)) {
        Entry entry = entries.get(file.path());
        if (entry != null) {
          entry.references--;
        }
      }
    }
  }

  /**
   * Deletes the files no retained checkpoint references and no task can reuse, given the latest
   * completed checkpoint.
   */
  void deleteUnusable(CompletedCheckpoint latest) {
    long oldestUsableBase = latest.checkpointId();
    for (OperatorSubtaskState state : subtaskStates(latest)) {
      NativeKeyedState nativeState = state.keyed() == null ? null : state.keyed().nativeState();
      if (nativeState != null && nativeState.baseCheckpointId() >= 0) {
        oldestUsableBase = Math.min(oldestUsableBase, nativeState.baseCheckpointId());
      }
    }
    deleteUnreferenced(oldestUsableBase);
  }

  /**
   * Deletes every file no retained checkpoint references: when no checkpoint is in progress and
   * every task that could reuse a file is gone (the execution attempt ended).
   */
  void deleteAllUnreferenced() {
    deleteUnreferenced(Long.MAX_VALUE);
  }

  private void deleteUnreferenced(long usedBefore) {
    for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
      Entry entry = it.next();
      if (entry.references <= 0 && entry.lastUsedBy < usedBefore) {
        storage.delete(entry.file);
        it.remove();
      }
    }
  }

  /**
   * Deletes the shared files a checkpoint that never completed uploaded: those no completed
   * checkpoint registered.
   */
  void discardUnregistered(SubtaskState state) {
    for (OperatorSubtaskState op : state.operators()) {
      for (StateFile file : nativeFiles(op)) {
        if (file.isShared() && !entries.containsKey(file.path())) {
          storage.delete(file);
        }
      }
    }
  }

  /** The number of shared files known, for tests. */
  int size() {
    return entries.size();
  }

  private static List<OperatorSubtaskState> subtaskStates(CompletedCheckpoint checkpoint) {
    List<OperatorSubtaskState> all = new ArrayList<>();
    checkpoint.operators().values().forEach(op -> all.addAll(op.subtasks().values()));
    return all;
  }

  private static List<StateFile> nativeFiles(OperatorSubtaskState state) {
    if (state.keyed() == null || state.keyed().nativeState() == null) {
      return List.of();
    }
    return state.keyed().nativeState().files();
  }
}
