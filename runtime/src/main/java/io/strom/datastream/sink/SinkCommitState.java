package io.strom.datastream.sink;

import io.strom.configuration.CheckpointingOptions;
import io.strom.configuration.Configuration;
import io.strom.runtime.operators.RestoreContext;
import io.strom.runtime.operators.SnapshotContext;
import io.strom.serde.TypeSerializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The checkpoint side of an operator that runs a sink writer: asks a {@link
 * PrecommittingSinkWriter} to prepare at every checkpoint and, for a {@link
 * TwoPhaseCommittingSink}, keeps the prepared committables in the checkpoint until it completes,
 * then commits them. The committables are union state: every subtask of a restored job sees all
 * of them and commits its share ({@link TwoPhaseCommittingSink#commitRestored}) when the writer
 * opens, so that none is lost or committed twice when the parallelism changes.
 *
 * <p>At the end of input what is left is prepared, but with checkpointing on it is committed only
 * when a checkpoint taken afterwards completes, as Flink does: until then a failure elsewhere in
 * the job restores an earlier checkpoint and replays these rows, and had they been committed they
 * would be seen twice. That checkpoint carries them, so a restore from it commits them too.
 *
 * <p>Used only on the task's thread, from the owning operator's hooks of the same names.
 */
public final class SinkCommitState<T> {
  private static final String COMMITTABLES_STATE = "sink-committables";

  private final Sink<T> sink;
  private SinkWriter<T> writer;
  /** Committables by the checkpoint that prepared them, until it completes. */
  private final TreeMap<Long, List<Object>> pending = new TreeMap<>();
  private List<Object> restored = List.of();
  /** Whether the input ended; the writer prepares nothing more. */
  private boolean finished;
  /** Prepared at the end of input, until the next checkpoint takes them into {@link #pending}. */
  private List<Object> preparedAtEnd = List.of();

  public SinkCommitState(Sink<T> sink) {
    this.sink = sink;
  }

  public void initializeState(RestoreContext context) throws Exception {
    if (sink instanceof TwoPhaseCommittingSink<?, ?> twoPhase && context.isRestored()) {
      restored = context.readUnionListState(COMMITTABLES_STATE, serializer(twoPhase));
    }
  }

  /**
   * The writer of subtask {@code subtask} of {@code parallelism} was created: commit this
   * subtask's share of what the restored checkpoint prepared.
   */
  @SuppressWarnings("unchecked")
  public void open(SinkWriter<T> writer, int subtask, int parallelism) throws Exception {
    this.writer = writer;
    // Their checkpoint completed, but the commit may not have happened before the failure.
    if (sink instanceof TwoPhaseCommittingSink<?, ?> twoPhase && !restored.isEmpty()) {
      ((TwoPhaseCommittingSink<T, Object>) twoPhase)
          .commitRestored(writer, restored, subtask, parallelism);
    }
    restored = List.of();
  }

  @SuppressWarnings("unchecked")
  public void snapshotState(SnapshotContext context) throws Exception {
    if (!(writer instanceof PrecommittingSinkWriter<?, ?> precommitting)) {
      return;
    }
    List<Object> prepared;
    if (finished) {
      prepared = preparedAtEnd;
      preparedAtEnd = List.of();
    } else {
      prepared = new ArrayList<>(
          ((PrecommittingSinkWriter<T, Object>) precommitting).prepareCommit(context.checkpointId()));
    }
    if (sink instanceof TwoPhaseCommittingSink<?, ?> twoPhase) {
      pending.put(context.checkpointId(), prepared);
      List<Object> all = new ArrayList<>();
      pending.values().forEach(all::addAll);
      context.writeUnionListState(COMMITTABLES_STATE, serializer(twoPhase), all);
    }
  }

  public void notifyCheckpointComplete(long checkpointId) throws Exception {
    Map<Long, List<Object>> completed = pending.headMap(checkpointId, true);
    List<Object> committables = new ArrayList<>();
    completed.values().forEach(committables::addAll);
    completed.clear();
    commit(committables);
  }

  /**
   * The input ended: what is left is prepared. It is committed now only when the job does not
   * checkpoint (no checkpoint will come, nor a restore); otherwise by the completion of the next
   * checkpoint, which the task waits for while {@link #awaitsFinalCheckpoint()}.
   */
  public void finish(Configuration jobConfiguration) throws Exception {
    Duration interval = jobConfiguration.get(CheckpointingOptions.INTERVAL);
    finish(interval != null && !interval.isZero());
  }

  /** {@link #finish(Configuration)}, with whether the job takes checkpoints. */
  @SuppressWarnings("unchecked")
  void finish(boolean checkpointing) throws Exception {
    if (!(writer instanceof PrecommittingSinkWriter<?, ?> precommitting)) {
      return;
    }
    List<Object> rest =
        ((PrecommittingSinkWriter<T, Object>) precommitting).prepareCommit(Long.MAX_VALUE);
    finished = true;
    if (checkpointing && sink instanceof TwoPhaseCommittingSink<?, ?>) {
      preparedAtEnd = List.copyOf(rest);
      return;
    }
    List<Object> all = new ArrayList<>();
    pending.values().forEach(all::addAll);
    pending.clear();
    all.addAll(rest);
    commit(all);
  }

  /** Whether committables prepared before the input ended still wait for their checkpoint. */
  public boolean awaitsFinalCheckpoint() {
    return finished && (!pending.isEmpty() || !preparedAtEnd.isEmpty());
  }

  @SuppressWarnings("unchecked")
  private void commit(List<Object> committables) throws Exception {
    if (!committables.isEmpty() && sink instanceof TwoPhaseCommittingSink<?, ?> twoPhase) {
      ((TwoPhaseCommittingSink<T, Object>) twoPhase).commit(writer, committables);
    }
  }

  @SuppressWarnings("unchecked")
  private static TypeSerializer<Object> serializer(TwoPhaseCommittingSink<?, ?> sink) {
    return (TypeSerializer<Object>) sink.committableSerializer();
  }
}
