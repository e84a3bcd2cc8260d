package io.strom.datastream.sink;

import io.strom.serde.DynamicSerializer;
import io.strom.serde.TypeSerializer;
import java.util.List;

/**
 * A sink whose writes become visible only when a checkpoint completes (two-phase commit): at the
 * barrier each writer prepares ({@link PrecommittingSinkWriter#prepareCommit}), the committables
 * are kept in the checkpoint, and when the checkpoint completes the sink commits them. A job
 * restored from a checkpoint commits that checkpoint's committables again before writing anything,
 * since their first commit may not have happened ({@link #commitRestored}); so {@link #commit}
 * must accept committables that were already committed. At the end of a bounded input the rest is
 * prepared, and committed when a checkpoint taken after it completes (at once when the job does not
 * checkpoint): see {@link SinkCommitState}.
 *
 * @param <C> what is committed, e.g. a transaction's identity
 */
public interface TwoPhaseCommittingSink<T, C> extends Sink<T> {

  @Override
  PrecommittingSinkWriter<T, C> createWriter(InitContext context) throws Exception;

  /**
   * Makes the committables' writes visible. Called on the task's thread of the writer that
   * prepared them (or, after a restore, of the subtask that got them), with the writer open.
   */
  void commit(SinkWriter<T> writer, List<C> committables) throws Exception;

  /**
   * Commits, before a restored job writes anything, this subtask's share of the committables of
   * the checkpoint it restores from. Every subtask gets all of them ({@code restored}, of every
   * subtask that wrote the checkpoint, at whatever parallelism), so that each committable is
   * committed by exactly one subtask whatever the parallelism before and after. By default the
   * subtasks take even shares in order; a sink whose committables must stay with the subtask that
   * reuses their resources (a transactional id, say) picks its own and can clean up after
   * subtasks that no longer exist.
   */
  default void commitRestored(
      SinkWriter<T> writer, List<C> restored, int subtask, int parallelism) throws Exception {
    int from = (int) ((long) subtask * restored.size() / parallelism);
    int to = (int) ((long) (subtask + 1) * restored.size() / parallelism);
    List<C> share = restored.subList(from, to);
    if (!share.isEmpty()) {
      commit(writer, share);
    }
  }

  /** Writes committables into checkpoints; by default self-describing. */
  @SuppressWarnings("unchecked")
  default TypeSerializer<C> committableSerializer() {
    return (TypeSerializer<C>) (TypeSerializer<?>) new DynamicSerializer();
  }
}
