package io.strom.runtime.tasks;

import io.strom.configuration.CheckpointingOptions;
import io.strom.runtime.checkpoint.CheckpointBarrier;
import io.strom.runtime.checkpoint.CheckpointConfig;
import io.strom.runtime.checkpoint.CheckpointStorage;
import io.strom.runtime.checkpoint.DeclinedByEndingTask;
import io.strom.runtime.checkpoint.KeyedStateHandle;
import io.strom.runtime.checkpoint.NativeKeyedState;
import io.strom.runtime.checkpoint.OperatorKeys;
import io.strom.runtime.checkpoint.OperatorSubtaskState;
import io.strom.runtime.checkpoint.SubtaskState;
import io.strom.runtime.graph.JobVertex;
import io.strom.runtime.graph.StreamNode;
import io.strom.runtime.source.SourceReader;
import io.strom.runtime.source.SourceSplit;
import io.strom.runtime.state.KeyGroupSnapshot;
import io.strom.runtime.state.KeyGroupStateFormat;
import io.strom.runtime.state.rocksdb.RocksDbIncrementalSnapshots;
import io.strom.runtime.state.rocksdb.RocksDbKeyedStateBackend;
import io.strom.runtime.tasks.OperatorChain.ChainedOperator;
import io.strom.serde.DataOutputView;
import io.strom.serde.TypeSerializer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one subtask's part of each checkpoint, in two parts, as Flink does.
 *
 * <p>The synchronous part runs on the task's thread, when a source task is triggered or a barrier
 * arrived on every input channel: it sends the barrier on, then takes the state of every operator
 * of the chain, head first — a source's splits with their positions and each operator's own list
 * state, serialized (they are small), and the keyed state and timers of keyed operators frozen as
 * a {@link KeyGroupSnapshot}, which costs the backend no more than it must: a RocksDB backend only
 * takes a RocksDB snapshot, the heap backend captures its tables copy-on-write. With incremental
 * checkpoints a RocksDB backend instead makes a hard-linked local RocksDB checkpoint.
 *
 * <p>The asynchronous part runs on a snapshot thread while the task goes on processing: it streams
 * the frozen key groups through a bounded buffer into the task's state file, noting where each
 * starts, releases the frozen state (also when writing fails or the task is canceled), copies the
 * new files of incremental snapshots, and acknowledges to the coordinator. So a savepoint or full
 * checkpoint of RocksDB state needs heap for one key group at a time, not for the whole state.
 *
 * <p>Called only on the task's thread, except the asynchronous part.
 */
final class TaskCheckpointer implements BarrierAligner.Listener {
  private static final Logger LOG = LoggerFactory.getLogger(TaskCheckpointer.class);

  /** The list state name under which a source task keeps its reader's splits. */
  static final String SOURCE_SPLITS = "source-splits";

  private final JobVertex vertex;
  private final int subtask;
  private final TaskEnvironment env;
  private final OperatorChain chain;
  private final SubtaskOperatorContexts contexts;
  private final CheckpointStorage storage;
  private final boolean incremental;
  private final boolean unaligned;
  private final long alignedTimeoutMillis;
  /** The task's name, for {@link FaultPoints}. */
  private final String taskName;
  /** Fails the task from a snapshot thread (see {@link FaultPoints#CHECKPOINT_UPLOAD}). */
  private final Consumer<RuntimeException> failTask;
  /** The in-flight data the snapshot of the current unaligned checkpoint waits for, or null. */
  private CompletableFuture<InFlightData> pendingInFlight;
  private long pendingInFlightId = -1;
  private SourceReader<?, SourceSplit> sourceReader;
  private TypeSerializer<SourceSplit> splitSerializer;
  private volatile long lastCheckpointId = -1;
  /** Snapshots being written on a snapshot thread, with their local RocksDB snapshots. */
  private final Map<CompletableFuture<Void>, List<PendingState>> writing = new ConcurrentHashMap<>();
  /** Set when the task is canceled or failed: snapshots being written stop at the next key group. */
  private volatile boolean writesCanceled;
  /** The newest checkpoint whose completion the operators heard of, or -1. */
  private long lastNotifiedComplete = -1;
  /** The task is ending: a checkpoint it gives up from now on is no failed checkpoint. */
  private boolean ending;

  TaskCheckpointer(
      JobVertex vertex,
      int subtask,
      TaskEnvironment env,
      OperatorChain chain,
      SubtaskOperatorContexts contexts,
      String taskName,
      Consumer<RuntimeException> failTask) {
    this.vertex = vertex;
    this.taskName = taskName;
    this.failTask = failTask;
    this.subtask = subtask;
    this.env = env;
    this.chain = chain;
    this.contexts = contexts;
    Path directory = CheckpointConfig.workingDirectory(env.configuration());
    this.storage = directory == null ? null : new CheckpointStorage(directory, env.job().jobId());
    this.incremental = env.configuration().get(CheckpointingOptions.INCREMENTAL);
    this.unaligned =
        env.configuration().get(CheckpointingOptions.UNALIGNED)
            && env.configuration().get(CheckpointingOptions.MODE)
                == CheckpointingOptions.CheckpointingMode.EXACTLY_ONCE;
    this.alignedTimeoutMillis =
        CheckpointConfig.alignedCheckpointTimeout(env.configuration()).toMillis();
  }

  /** Makes the source reader's splits part of every checkpoint (source tasks). */
  void setSourceReader(SourceReader<?, SourceSplit> reader, TypeSerializer<SourceSplit> serializer) {
    this.sourceReader = reader;
    this.splitSerializer = serializer;
  }

  /** The last checkpoint this task snapshotted, or -1. */
  long lastCheckpointId() {
    return lastCheckpointId;
  }

  /** The coordinator triggered a checkpoint at this source task. */
  void triggerCheckpoint(CheckpointBarrier barrier) throws Exception {
    performCheckpoint(
        barrier, CompletableFuture.completedFuture(InFlightData.NONE), overtakes(barrier));
  }

  @Override
  public void onBarrierAligned(CheckpointBarrier barrier) throws Exception {
    performCheckpoint(
        barrier, CompletableFuture.completedFuture(InFlightData.NONE), overtakes(barrier));
  }

  /**
   * Whether the barrier a task sends on after an aligned snapshot overtakes the data queued
   * downstream: with unaligned checkpoints, from the start or once the checkpoint is older than
   * the aligned-checkpoint-timeout. Savepoints always align, as in Flink.
   */
  private boolean overtakes(CheckpointBarrier barrier) {
    return unaligned && !barrier.savepoint()
        && System.currentTimeMillis() - barrier.timestamp() >= alignedTimeoutMillis;
  }

  @Override
  public void onUnalignedBarrier(CheckpointBarrier barrier) throws Exception {
    abandonPendingInFlight();
    pendingInFlight = new CompletableFuture<>();
    pendingInFlightId = barrier.checkpointId();
    performCheckpoint(barrier, pendingInFlight, true);
  }

  @Override
  public void onInFlightData(long checkpointId, InFlightData data) {
    if (pendingInFlight != null && pendingInFlightId == checkpointId) {
      pendingInFlight.complete(data);
      pendingInFlight = null;
    }
  }

  @Override
  public void onInFlightAbandoned(long checkpointId) {
    if (pendingInFlightId == checkpointId) {
      abandonPendingInFlight();
    }
  }

  private void abandonPendingInFlight() {
    if (pendingInFlight != null) {
      String why =
          "Checkpoint " + pendingInFlightId + " was abandoned before every barrier arrived";
      pendingInFlight.completeExceptionally(
          ending
              ? new DeclinedByEndingTask(why + ": " + taskName + " is ending", null)
              : new IllegalStateException(why));
      pendingInFlight = null;
    }
  }

  /**
   * Takes the snapshot; it is written and acknowledged once {@code inFlight} (the data an unaligned
   * checkpoint keeps from its input channels) is known.
   */
  private void performCheckpoint(
      CheckpointBarrier barrier, CompletableFuture<InFlightData> inFlight, boolean overtake)
      throws Exception {
    if (storage == null) {
      throw new IllegalStateException(
          "Bug: a checkpoint barrier reached a task of a job without a checkpoint directory");
    }
    long start = System.nanoTime();
    long id = barrier.checkpointId();
    // Operators flush what must precede the barrier (in chain order, so a flush reaches the
    // operators after it before they flush themselves).
    for (ChainedOperator op : chain.operators()) {
      try {
        op.operator().prepareSnapshotPreBarrier(id);
      } catch (Exception e) {
        throw OperatorException.wrap(op.node().name(), e);
      }
    }
    // Downstream tasks start aligning while this one writes its state.
    chain.broadcastBarrier(barrier, overtake);
    List<PendingState> states = new ArrayList<>();
    try {
      if (sourceReader != null) {
        List<SourceSplit> splits = sourceReader.snapshotState(id);
        states.add(
            new PendingState(
                OperatorKeys.of(vertex.head()),
                null,
                Map.of(SOURCE_SPLITS, OperatorSnapshotContext.write(splitSerializer, splits))));
      }
      for (ChainedOperator op : chain.operators()) {
        try {
          PendingState state = snapshotOperator(op, barrier);
          if (state != null) {
            states.add(state);
          }
        } catch (Exception e) {
          throw OperatorException.wrap(op.node().name(), e);
        }
      }
    } catch (Exception | Error e) {
      release(states);
      throw e;
    }
    long syncNanos = System.nanoTime() - start;
    lastCheckpointId = id;
    CompletableFuture<Void> write =
        inFlight.handleAsync(
            (data, failure) -> {
              try {
                if (failure != null) {
                  discardAndDecline(id, states, failure);
                } else {
                  persist(id, states, data, syncNanos);
                }
              } finally {
                release(states);
              }
              return null;
            },
            env.snapshotExecutor());
    writing.put(write, states);
    write.whenComplete((r, e) -> writing.remove(write));
  }

  /** Releases the frozen keyed state of the operators' snapshots (RocksDB snapshots, buffers). */
  private static void release(List<PendingState> states) {
    for (PendingState state : states) {
      if (state.keyed() != null) {
        state.keyed().release();
      }
    }
  }

  /**
   * Waits until the snapshots this task started are written (and acknowledged or declined), so
   * that when the task has ended, the coordinator has heard of all its files. A task that failed
   * or was canceled first stops their uploads. Called on the task's thread as it ends.
   */
  void awaitWrites(boolean cancel) {
    // No barrier arrives any more: an unaligned snapshot still waiting for one is given up.
    ending = true;
    abandonPendingInFlight();
    if (cancel) {
      writesCanceled = true;
      writing.values().forEach(
          states -> states.stream()
              .filter(s -> s.nativeSnapshot() != null)
              .forEach(s -> s.nativeSnapshot().cancel()));
    }
    for (CompletableFuture<Void> write : List.copyOf(writing.keySet())) {
      try {
        write.join();
      } catch (RuntimeException e) {
        LOG.warn("Writing a snapshot of {} ({}) failed", vertex.name(), subtask, e);
      }
    }
  }

  /**
   * The synchronous part of one operator's snapshot: its operator state, serialized, and its keyed
   * state and timers frozen for the snapshot thread to write (for RocksDB a snapshot of the
   * database: no rows are copied here).
   */
  private PendingState snapshotOperator(ChainedOperator op, CheckpointBarrier barrier)
      throws Exception {
    StreamNode node = op.node();
    OperatorSnapshotContext context =
        new OperatorSnapshotContext(barrier.checkpointId(), barrier.timestamp(), node.name());
    op.operator().snapshotState(context);
    SubtaskOperatorContexts.KeyedParts keyed = contexts.keyedParts(node.id());
    KeyedSnapshotWrite keyedWrite = null;
    RocksDbIncrementalSnapshots.PreparedSnapshot nativeSnapshot = null;
    if (keyed != null) {
      if (incremental
          && !barrier.savepoint()
          && keyed.backend() instanceof RocksDbKeyedStateBackend<?> rocksDb) {
        nativeSnapshot = rocksDb.incrementalSnapshots().prepare(barrier.checkpointId());
      }
      KeyGroupSnapshot state = nativeSnapshot == null ? keyed.backend().snapshot() : NO_STATES;
      try {
        // Timers in RocksDB are in the native snapshot's files already.
        keyedWrite =
            new KeyedSnapshotWrite(
                keyed.backend().keyGroupRange(),
                state,
                keyed.timers().snapshot(nativeSnapshot == null));
      } catch (RuntimeException e) {
        state.close();
        if (nativeSnapshot != null) {
          nativeSnapshot.discard();
        }
        throw e;
      }
    }
    if (keyedWrite == null && context.listStates().isEmpty()) {
      return null;
    }
    return new PendingState(
        OperatorKeys.of(node),
        keyedWrite,
        context.listStates(),
        nativeSnapshot,
        "op-" + node.id() + "-" + subtask);
  }

  /** The key group sections of a snapshot whose states are in the backend's own files. */
  private static final KeyGroupSnapshot NO_STATES =
      new KeyGroupSnapshot() {
        @Override
        public void writeKeyGroup(int keyGroup, DataOutputView out) throws IOException {
          KeyGroupStateFormat.writeNoStates(out);
        }

        @Override
        public void close() {
          // Holds nothing.
        }
      };

  /** On a snapshot thread: writes the state file, then acknowledges. */
  private void persist(
      long checkpointId,
      List<PendingState> states,
      InFlightData inFlight,
      long syncNanos) {
    long start = System.nanoTime();
    String headKey = OperatorKeys.of(vertex.head());
    try {
      CheckpointStorage.WrittenFile written = null;
      if (states.stream().anyMatch(s -> s.keyed() != null)) {
        String fileName = "task-" + vertex.id() + "-" + subtask + ".state";
        written =
            storage.writeStateFile(
                checkpointId,
                fileName,
                out -> {
                  for (PendingState state : states) {
                    if (state.keyed() != null) {
                      state.keyed().writeTo(out, () -> writesCanceled);
                    }
                  }
                });
        // The file holds the key groups now: RocksDB may drop the rows the snapshot kept alive.
        release(states);
      }
      injectUploadFailure(checkpointId);
      List<OperatorSubtaskState> operators = new ArrayList<>();
      for (PendingState state : states) {
        NativeKeyedState nativeState =
            state.nativeSnapshot() == null
                ? null
                : state.nativeSnapshot().upload(storage, state.owner());
        KeyedStateHandle handle =
            state.keyed() == null
                ? null
                : new KeyedStateHandle(
                    written.fileName(),
                    written.length(),
                    written.crc32(),
                    state.keyed().firstKeyGroup(),
                    state.keyed().offsets(),
                    nativeState);
        Map<String, List<byte[]>> listStates = state.listStates();
        if (state.operatorKey().equals(headKey) && !inFlight.listStates().isEmpty()) {
          listStates = new HashMap<>(listStates);
          listStates.putAll(inFlight.listStates());
        }
        operators.add(new OperatorSubtaskState(state.operatorKey(), handle, listStates));
      }
      if (!inFlight.listStates().isEmpty()
          && operators.stream().noneMatch(o -> o.operatorKey().equals(headKey))) {
        operators.add(0, new OperatorSubtaskState(headKey, null, inFlight.listStates()));
      }
      LOG.debug(
          "Checkpoint {} of {} ({}): {} bytes, {} µs on the task thread, {} µs to write",
          checkpointId, vertex.name(), subtask, written == null ? 0 : written.length(),
          syncNanos / 1000,
          (System.nanoTime() - start) / 1000);
      env.checkpointResponder()
          .acknowledgeCheckpoint(checkpointId, new SubtaskState(vertex.id(), subtask, operators));
    } catch (Exception e) {
      if (writesCanceled || e instanceof FaultPoints.InjectedFailure) {
        // The task is failing or canceled: a failed checkpoint counted ahead of the task's
        // failure could fail the job on a wrong cause.
        discardAndDecline(
            checkpointId, states, new DeclinedByEndingTask(taskName + " is ending", e));
      } else {
        discardAndDecline(checkpointId, states, e);
      }
    }
  }

  /** Kills the task in the middle of an upload when a test armed that point. */
  private void injectUploadFailure(long checkpointId) {
    try {
      FaultPoints.check(FaultPoints.CHECKPOINT_UPLOAD, taskName, checkpointId);
    } catch (FaultPoints.InjectedFailure e) {
      failTask.accept(e);
      throw e;
    }
  }

  private void discardAndDecline(long checkpointId, List<PendingState> states, Throwable reason) {
    states.stream()
        .filter(s -> s.nativeSnapshot() != null)
        .forEach(s -> s.nativeSnapshot().discard());
    env.checkpointResponder().declineCheckpoint(checkpointId, vertex.id(), subtask, reason);
  }

  /**
   * Every operator of the chain (and the source reader) hears that a checkpoint completed. A
   * notice older than one heard already is ignored: the newer completion covered it (operators
   * commit everything up to the checkpoint they hear of).
   */
  void notifyCheckpointComplete(long checkpointId) throws Exception {
    FaultPoints.check(FaultPoints.COMPLETION_NOTICE, taskName, checkpointId);
    if (checkpointId <= lastNotifiedComplete) {
      LOG.debug("Ignoring the completion of checkpoint {} at {} ({}): {} completed already",
          checkpointId, vertex.name(), subtask, lastNotifiedComplete);
      return;
    }
    lastNotifiedComplete = checkpointId;
    for (ChainedOperator op : chain.operators()) {
      SubtaskOperatorContexts.KeyedParts keyed = contexts.keyedParts(op.node().id());
      if (keyed != null && keyed.backend() instanceof RocksDbKeyedStateBackend<?> rocksDb) {
        rocksDb.incrementalSnapshots().confirm(checkpointId);
      }
    }
    if (sourceReader != null) {
      sourceReader.notifyCheckpointComplete(checkpointId);
    }
    for (ChainedOperator op : chain.operators()) {
      try {
        op.operator().notifyCheckpointComplete(checkpointId);
      } catch (Exception e) {
        throw OperatorException.wrap(op.node().name(), e);
      }
    }
  }

  /**
   * One operator's state between the synchronous part and the file.
   *
   * @param keyed its frozen keyed state and timers, or null
   * @param nativeSnapshot the local snapshot of its RocksDB files (incremental checkpoints), or
   *     null
   * @param owner names the folder of its files within the checkpoint
   */
  private record PendingState(
      String operatorKey,
      KeyedSnapshotWrite keyed,
      Map<String, List<byte[]>> listStates,
      RocksDbIncrementalSnapshots.PreparedSnapshot nativeSnapshot,
      String owner) {
    PendingState(
        String operatorKey, KeyedSnapshotWrite keyed, Map<String, List<byte[]>> listStates) {
      this(operatorKey, keyed, listStates, null, null);
    }
  }
}
