package io.strom.datastream.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.runtime.metrics.MetricGroup;
import io.strom.runtime.operators.RestoreContext;
import io.strom.runtime.operators.SnapshotContext;
import io.strom.serde.TypeSerializer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Committables are committed only when their checkpoint completes, and again after a restore. */
class SinkCommitStateTest {

  /** A sink whose writer prepares "tx-<checkpoint>" and records commits. */
  static final class RecordingSink implements TwoPhaseCommittingSink<String, String> {
    final List<String> committed = new ArrayList<>();

    @Override
    public PrecommittingSinkWriter<String, String> createWriter(InitContext context) {
      return new PrecommittingSinkWriter<>() {
        @Override
        public void write(String element, long timestamp) {}

        @Override
        public List<String> prepareCommit(long checkpointId) {
          return List.of("tx-" + checkpointId);
        }
      };
    }

    @Override
    public void commit(SinkWriter<String> writer, List<String> committables) {
      committed.addAll(committables);
    }
  }

  private final Map<String, List<Object>> listStates = new HashMap<>();

  private SnapshotContext checkpoint(long id) {
    return new SnapshotContext() {
      @Override
      public long checkpointId() {
        return id;
      }

      @Override
      public long checkpointTimestamp() {
        return 0;
      }

      @Override
      public <T> void writeListState(String name, TypeSerializer<T> serializer, Iterable<T> elements) {
        List<Object> copy = new ArrayList<>();
        elements.forEach(copy::add);
        listStates.put(name, copy);
      }

      @Override
      public <T> void writeUnionListState(
          String name, TypeSerializer<T> serializer, Iterable<T> elements) {
        writeListState("union-" + name, serializer, elements);
      }
    };
  }

  private RestoreContext restore(boolean restored) {
    return new RestoreContext() {
      @Override
      public boolean isRestored() {
        return restored;
      }

      @Override
      public long restoredCheckpointId() {
        return restored ? 1 : -1;
      }

      @Override
      @SuppressWarnings("unchecked")
      public <T> List<T> readListState(String name, TypeSerializer<T> serializer) {
        return (List<T>) listStates.getOrDefault(name, List.of());
      }

      @Override
      public <T> List<T> readUnionListState(String name, TypeSerializer<T> serializer) {
        return readListState("union-" + name, serializer);
      }
    };
  }

  private static SinkWriter<String> writer(RecordingSink sink) {
    return sink.createWriter(null);
  }

  @Test
  void commitsOnlyCompletedCheckpointsAndTheRestAtTheEnd() throws Exception {
    RecordingSink sink = new RecordingSink();
    SinkCommitState<String> state = new SinkCommitState<>(sink);
    state.initializeState(restore(false));
    state.open(writer(sink), 0, 1);

    state.snapshotState(checkpoint(1));
    state.snapshotState(checkpoint(2));
    assertThat(sink.committed).isEmpty();
    state.notifyCheckpointComplete(1);
    assertThat(sink.committed).containsExactly("tx-1");
    state.notifyCheckpointComplete(1);
    assertThat(sink.committed).containsExactly("tx-1");
    state.finish(false);
    assertThat(sink.committed).containsExactly("tx-1", "tx-2", "tx-" + Long.MAX_VALUE);
  }

  @Test
  void aLostCompletionNoticeIsCoveredByTheNextCheckpointsAndALateOneCommitsNothing()
      throws Exception {
    RecordingSink sink = new RecordingSink();
    SinkCommitState<String> state = new SinkCommitState<>(sink);
    state.initializeState(restore(false));
    state.open(writer(sink), 0, 1);

    // Three checkpoints in flight at once; the notice of 1 never comes.
    state.snapshotState(checkpoint(1));
    state.snapshotState(checkpoint(2));
    state.snapshotState(checkpoint(3));
    assertThat(listStates.get("union-sink-committables"))
        .as("checkpoint 3 carries what 1 and 2 prepared too")
        .containsExactly("tx-1", "tx-2", "tx-3");
    state.notifyCheckpointComplete(2);
    assertThat(sink.committed).containsExactly("tx-1", "tx-2");
    state.notifyCheckpointComplete(1);
    assertThat(sink.committed).as("a notice older than a completed one").containsExactly(
        "tx-1", "tx-2");
    state.snapshotState(checkpoint(4));
    assertThat(listStates.get("union-sink-committables")).containsExactly("tx-3", "tx-4");
    state.notifyCheckpointComplete(4);
    assertThat(sink.committed).containsExactly("tx-1", "tx-2", "tx-3", "tx-4");
  }

  @Test
  void withCheckpointingTheEndOfInputCommitsOnlyWhenTheNextCheckpointCompletes() throws Exception {
    RecordingSink sink = new RecordingSink();
    SinkCommitState<String> state = new SinkCommitState<>(sink);
    state.initializeState(restore(false));
    state.open(writer(sink), 0, 1);

    state.snapshotState(checkpoint(1));
    state.finish(true);
    // A failure now restores checkpoint 1 or earlier and replays the rest: nothing is committed.
    assertThat(sink.committed).isEmpty();
    assertThat(state.awaitsFinalCheckpoint()).isTrue();

    state.snapshotState(checkpoint(2));
    state.notifyCheckpointComplete(1);
    assertThat(sink.committed).containsExactly("tx-1");
    assertThat(state.awaitsFinalCheckpoint()).isTrue();
    state.notifyCheckpointComplete(2);
    assertThat(sink.committed).containsExactly("tx-1", "tx-" + Long.MAX_VALUE);
    assertThat(state.awaitsFinalCheckpoint()).isFalse();
  }

  @Test
  void restoreCommitsTheCheckpointsCommittablesAgain() throws Exception {
    RecordingSink first = new RecordingSink();
    SinkCommitState<String> before = new SinkCommitState<>(first);
    before.initializeState(restore(false));
    before.open(writer(first), 0, 1);
    before.snapshotState(checkpoint(1));
    // The job fails after checkpoint 1 completed but before its commit.

    RecordingSink second = new RecordingSink();
    SinkCommitState<String> after = new SinkCommitState<>(second);
    after.initializeState(restore(true));
    after.open(writer(second), 0, 1);
    assertThat(second.committed).containsExactly("tx-1");
  }

  @Test
  void restoreAtAnotherParallelismCommitsEveryCommittableOnce() throws Exception {
    RecordingSink first = new RecordingSink();
    SinkCommitState<String> before = new SinkCommitState<>(first);
    before.initializeState(restore(false));
    before.open(writer(first), 0, 1);
    before.snapshotState(checkpoint(1));
    before.snapshotState(checkpoint(2));
    before.snapshotState(checkpoint(3));
    // Checkpoint 3 completes (and with it 1 and 2); the job fails before the commit.

    List<String> committed = new ArrayList<>();
    for (int subtask = 0; subtask < 2; subtask++) {
      RecordingSink sink = new RecordingSink();
      SinkCommitState<String> after = new SinkCommitState<>(sink);
      after.initializeState(restore(true));
      after.open(writer(sink), subtask, 2);
      assertThat(sink.committed).isNotEmpty();
      committed.addAll(sink.committed);
    }
    assertThat(committed).containsExactlyInAnyOrder("tx-1", "tx-2", "tx-3");
  }
}
