package io.strom.datastream.sink;

import io.strom.runtime.operators.RestoreContext;
import io.strom.runtime.operators.SnapshotContext;
import io.strom.serde.TypeSerializer;
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
 * <p>Used only on the task's thread, from the owning operator's hooks of the same names.
 */
public final class SinkCommitState<T> {
  private static final String COMMITTABLES_STATE = "sink-committables";

  private final Sink<T> sink;
  private SinkWriter<T> writer;
  /** Committables by the checkpoint that prepared them, until it completes. */
  private final TreeMap<Long, List<Object>> pending = new TreeMap<>();
  private List<Object> restored = List.of();

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
    List<Object> prepared = new ArrayList<>(
        ((PrecommittingSinkWriter<T, Object>) precommitting).prepareCommit(context.checkpointId()));
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

  /** The end of input is final: what is left is prepared and committed now. */
  @SuppressWarnings("unchecked")
  public void finish() throws Exception {
    if (writer instanceof PrecommittingSinkWriter<?, ?> precommitting) {
      List<Object> rest = new ArrayList<>();
      pending.values().forEach(rest::addAll);
      pending.clear();
      rest.addAll(((PrecommittingSinkWriter<T, Object>) precommitting).prepareCommit(Long.MAX_VALUE));
      commit(rest);
    }
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
