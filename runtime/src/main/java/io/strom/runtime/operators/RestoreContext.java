package io.strom.runtime.operators;

import io.strom.serde.TypeSerializer;
import java.io.IOException;
import java.util.List;

/**
 * What an operator gets before it opens ({@link Operator#initializeState}): whether the job
 * restores from a checkpoint, and this subtask's share of the operator list states written by
 * {@link SnapshotContext#writeListState}. Keyed state and timers are restored by the runtime and
 * appear when the operator declares them.
 *
 * <p>Valid only during the call; used only on the task's thread.
 */
public interface RestoreContext {

  /** True when the job starts from a checkpoint (after a failure, or from a retained one). */
  boolean isRestored();

  /** The checkpoint restored from, or -1 when not restored. */
  long restoredCheckpointId();

  /**
   * This subtask's elements of a list state: all the subtask wrote when parallelism is unchanged,
   * else an even share of all subtasks' elements. Empty when nothing was written under the name.
   */
  <T> List<T> readListState(String name, TypeSerializer<T> serializer) throws IOException;

  /**
   * All elements of a union list state ({@link SnapshotContext#writeUnionListState}), of every
   * subtask that wrote it, in the order of those subtasks. Empty when nothing was written under
   * the name.
   */
  <T> List<T> readUnionListState(String name, TypeSerializer<T> serializer) throws IOException;
}
