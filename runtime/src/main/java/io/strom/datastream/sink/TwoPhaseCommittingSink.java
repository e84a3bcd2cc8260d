package io.strom.datastream.sink;

import io.strom.serde.DynamicSerializer;
import io.strom.serde.TypeSerializer;
import java.util.List;

/**
 * A sink whose writes become visible only when a checkpoint completes (two-phase commit): at the
 * barrier each writer prepares ({@link PrecommittingSinkWriter#prepareCommit}), the committables
 * are kept in the checkpoint, and when the checkpoint completes the sink commits them. A job
 * restored from a checkpoint commits that checkpoint's committables again before writing anything,
 * since their first commit may not have happened; so {@link #commit} must accept committables that
 * were already committed. At the end of a bounded input the rest is prepared and committed at once.
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

  /** Writes committables into checkpoints; by default self-describing. */
  @SuppressWarnings("unchecked")
  default TypeSerializer<C> committableSerializer() {
    return (TypeSerializer<C>) (TypeSerializer<?>) new DynamicSerializer();
  }
}
