package io.strom.datastream.sink;

import io.strom.runtime.metrics.MetricGroup;
import io.strom.runtime.operators.AbstractOperator;
import io.strom.runtime.operators.OneInputOperator;
import io.strom.runtime.operators.RestoreContext;
import io.strom.runtime.operators.SnapshotContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs a {@link Sink}'s writer in a task. A {@link PrecommittingSinkWriter} is asked to prepare at
 * every checkpoint; for a {@link TwoPhaseCommittingSink} the prepared committables are kept in the
 * checkpoint until it completes, and then committed.
 */
public final class SinkOperator<T> extends AbstractOperator<Void> implements OneInputOperator<T, Void> {
  private static final long serialVersionUID = 1L;
  private static final String COMMITTABLES_STATE = "sink-committables";

  private final Sink<T> sink;
  private transient SinkWriter<T> writer;
  /** Committables by the checkpoint that prepared them, until it completes. */
  private transient TreeMap<Long, List<Object>> pendingCommits;
  /** Committables of the checkpoint this job was restored from, committed when the writer opens. */
  private transient List<Object> restoredCommittables;

  public SinkOperator(Sink<T> sink) {
    this.sink = sink;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void initializeState(RestoreContext context) throws Exception {
    pendingCommits = new TreeMap<>();
    restoredCommittables = List.of();
    if (sink instanceof TwoPhaseCommittingSink<?, ?> twoPhase && context.isRestored()) {
      restoredCommittables =
          context.readListState(
              COMMITTABLES_STATE,
              (io.strom.serde.TypeSerializer<Object>) twoPhase.committableSerializer());
    }
  }

  @Override
  protected void setup() throws Exception {
    writer =
        sink.createWriter(
            new Sink.InitContext() {
              @Override
              public int subtaskIndex() {
                return context.subtaskIndex();
              }

              @Override
              public int parallelism() {
                return context.parallelism();
              }

              @Override
              public MetricGroup metrics() {
                return context.metrics();
              }
            });
    // Their checkpoint completed, but the commit may not have happened before the failure.
    commit(restoredCommittables);
    restoredCommittables = List.of();
  }

  @Override
  public void processElement(T record, long timestamp) throws Exception {
    writer.write(record, timestamp);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void snapshotState(SnapshotContext context) throws Exception {
    if (!(writer instanceof PrecommittingSinkWriter<?, ?> precommitting)) {
      return;
    }
    List<Object> prepared =
        new ArrayList<>(((PrecommittingSinkWriter<T, Object>) precommitting).prepareCommit(context.checkpointId()));
    if (sink instanceof TwoPhaseCommittingSink<?, ?> twoPhase) {
      pendingCommits.put(context.checkpointId(), prepared);
      List<Object> all = new ArrayList<>();
      pendingCommits.values().forEach(all::addAll);
      context.writeListState(
          COMMITTABLES_STATE,
          (io.strom.serde.TypeSerializer<Object>) twoPhase.committableSerializer(),
          all);
    }
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) throws Exception {
    Map<Long, List<Object>> completed = pendingCommits.headMap(checkpointId, true);
    List<Object> committables = new ArrayList<>();
    completed.values().forEach(committables::addAll);
    completed.clear();
    commit(committables);
  }

  @SuppressWarnings("unchecked")
  private void commit(List<Object> committables) throws Exception {
    if (!committables.isEmpty() && sink instanceof TwoPhaseCommittingSink<?, ?> twoPhase) {
      ((TwoPhaseCommittingSink<T, Object>) twoPhase).commit(writer, committables);
    }
  }

  /** The end of input is final: what is left is prepared and committed now. */
  @Override
  @SuppressWarnings("unchecked")
  public void finish() throws Exception {
    if (writer instanceof PrecommittingSinkWriter<?, ?> precommitting) {
      List<Object> rest = new ArrayList<>();
      pendingCommits.values().forEach(rest::addAll);
      pendingCommits.clear();
      rest.addAll(((PrecommittingSinkWriter<T, Object>) precommitting).prepareCommit(Long.MAX_VALUE));
      commit(rest);
    }
    writer.flush();
  }

  @Override
  public void close() throws Exception {
    if (writer != null) {
      writer.close();
    }
  }
}
