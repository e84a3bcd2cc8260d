package io.strom.runtime.operators;

import io.strom.serde.TypeSerializer;
import java.io.IOException;

/**
 * What an operator gets when a checkpoint is taken ({@link Operator#snapshotState}): the
 * checkpoint's identity and a place for the operator's own (non-keyed) state. Keyed state and
 * timers are written by the runtime and need nothing here.
 *
 * <p>Valid only during the call; used only on the task's thread.
 */
public interface SnapshotContext {

  long checkpointId();

  /** When the checkpoint was triggered, epoch milliseconds. */
  long checkpointTimestamp();

  /**
   * Adds an operator list state: elements that, when the job is restored at another parallelism,
   * are spread evenly over the new subtasks. The elements are serialized now, so later changes to
   * them do not leak into the checkpoint. Each name may be written once per checkpoint.
   */
  <T> void writeListState(String name, TypeSerializer<T> serializer, Iterable<T> elements)
      throws IOException;

  /**
   * Adds an operator union list state: elements that, when the job is restored, every subtask gets
   * all of, whatever the parallelism before and after ({@link RestoreContext#readUnionListState}).
   * For state whose owner is decided at restore time, such as a sink's pending commits. Each name
   * may be written once per checkpoint, as union or plain list state.
   */
  <T> void writeUnionListState(String name, TypeSerializer<T> serializer, Iterable<T> elements)
      throws IOException;
}
