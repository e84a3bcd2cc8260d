package io.strom.runtime.checkpoint;

import io.strom.configuration.CheckpointingOptions;
import io.strom.configuration.CheckpointingOptions.ExternalizedCheckpointRetention;
import io.strom.runtime.cluster.JobStatus;
import io.strom.runtime.graph.JobGraph;
import io.strom.runtime.graph.JobVertex;
import io.strom.runtime.graph.StreamNode;
import io.strom.runtime.metrics.MetricGroup;
import io.strom.util.StorageLocations;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a job's checkpoints: triggers one every interval (at most {@code
 * execution.checkpointing.max-concurrent-checkpoints} at a time, at least the minimum pause after
 * the previous one ended) by sending barriers into the source tasks, collects
 * every task's acknowledgement with its state, and completes the checkpoint by writing its
 * metadata last and atomically; then tells the tasks, and deletes checkpoints beyond the number
 * retained. A checkpoint not complete within the timeout, or one a task declined, is aborted and
 * its files deleted; the others in progress go on. More such failures in a row than {@code
 * execution.checkpointing.tolerable-failed-checkpoints} fail the execution attempt over, as Flink
 * does; aborts because the attempt stopped, and failed savepoints, do not count.
 *
 * <p>With several checkpoints in progress, the completion of one subsumes the older ones still in
 * progress, as in Flink: they are aborted (not counted as failures), since a restore never needs
 * them, and tasks that hear of the newer one commit what the older ones prepared too. A completion
 * notice for an older checkpoint arriving after a newer one's is ignored by the tasks.
 *
 * <p>Checkpoints go on after some tasks finished (a source subtask that got no split, a bounded
 * input that ran out while others run): a finished task counts as done, with no state, since all
 * it emitted is ahead of its end-of-partition and so in the state of the tasks downstream (they
 * take no barrier from a finished channel, see {@code BarrierAligner}). Barriers go into the source
 * tasks still running; a task that finishes during a checkpoint without having taken part counts as
 * done too. A task that finished has nothing to restore: a source's consumed splits are neither
 * its nor the enumerator's any more, so a restore does not read them again. A task whose input
 * ended but whose operators wait to commit (a two-phase-commit sink) stays to take part in the
 * next checkpoint; no barrier comes through its ended inputs, so it gets one directly.
 *
 * <p>Savepoints are checkpoints a user asks for: the same barriers (marked, so every task writes
 * the portable format), but once complete the directory moves to the requested place and belongs
 * to the user: it is neither retained nor deleted here, and never restored on a restart. A
 * savepoint runs alone: asked for while checkpoints run, it starts when they have ended, and no
 * periodic checkpoint starts while one is asked for or runs (so it is never subsumed).
 *
 * <p>Outlives the job's execution attempts: ids keep increasing across restarts, and the latest
 * completed checkpoint is what a restart restores.
 *
 * <p>All state is confined to the job's thread ({@code jobThread}); {@link #acknowledge}, {@link
 * #decline} and {@link #taskFinished} may be called from any thread and hop onto it.
 */
public final class CheckpointCoordinator {
  private static final Logger LOG = LoggerFactory.getLogger(CheckpointCoordinator.class);

  /** The running tasks of one execution attempt, as the coordinator sees them. */
  public interface Targets {
    /** Null when every task runs and can take part in a checkpoint, else why not. */
    String notReadyReason();

    /** The number of subtasks that must acknowledge or finish. */
    int numTasks();

    /** The subtasks that finished, as {@code "vertexId/subtask"}: done with every checkpoint. */
    Set<String> finishedTasks();

    /**
     * Snapshots the split enumerators and sends the barrier into every source task still running;
     * returns the enumerators' unassigned splits by source operator key.
     */
    Map<String, List<byte[]>> triggerSources(CheckpointBarrier barrier) throws Exception;

    /** Sends the barrier into one task, as {@code "vertexId/subtask"}, whose input ended. */
    void triggerTask(String task, CheckpointBarrier barrier);

    void notifyCheckpointComplete(long checkpointId);

    /**
     * Fails this attempt, as a failed task would: more checkpoints failed in a row than {@code
     * execution.checkpointing.tolerable-failed-checkpoints} allows.
     */
    void failCheckpointing(Throwable cause);
  }

  private final JobGraph job;
  private final CheckpointConfig config;
  private final CheckpointStorage storage;
  private final SharedStateRegistry sharedState;
  private final ScheduledExecutorService jobThread;
  private final Map<String, Integer> parallelismOf = new HashMap<>();
  private final ArrayDeque<CompletedCheckpoint> completed = new ArrayDeque<>();
  private long nextCheckpointId;
  private Targets targets;
  private ScheduledFuture<?> periodic;
  /** The checkpoints in progress by id, oldest first; at most one savepoint, then alone. */
  private final TreeMap<Long, Pending> pending = new TreeMap<>();
  /** When the last checkpoint ended ({@link System#nanoTime}): the minimum pause counts from it. */
  private long lastEndNanos;
  private boolean anyEnded;
  private volatile long numCompleted;
  private volatile long numFailed;
  /** Checkpoints (not savepoints) that failed since the last one completed, for the tolerance. */
  private int consecutiveFailures;
  private volatile long lastDurationMillis;
  private volatile long lastSizeBytes;
  private volatile long lastFullSizeBytes;
  private volatile long lastCompletedId = -1;
  private final ArrayDeque<SavepointRequest> savepointRequests = new ArrayDeque<>();

  /** A savepoint asked for: where it goes, and who waits for its final path. */
  private record SavepointRequest(Path parentDirectory, boolean drain, CompletableFuture<Path> result) {}

  /**
   * @param firstCheckpointId the id of the first checkpoint (after a restore from a retained
   *     checkpoint: one more than its id)
   */
  public CheckpointCoordinator(
      JobGraph job,
      CheckpointConfig config,
      ScheduledExecutorService jobThread,
      MetricGroup metrics,
      long firstCheckpointId) {
    this.job = job;
    this.config = config;
    this.storage = new CheckpointStorage(config.directory(), job.jobId());
    this.sharedState = new SharedStateRegistry(storage);
    this.jobThread = jobThread;
    this.nextCheckpointId = firstCheckpointId;
    for (JobVertex vertex : job.vertices()) {
      for (StreamNode node : vertex.nodes()) {
        parallelismOf.put(OperatorKeys.of(node), vertex.parallelism());
      }
    }
    metrics.gauge("numberOfCompletedCheckpoints", () -> numCompleted);
    metrics.gauge("numberOfFailedCheckpoints", () -> numFailed);
    metrics.gauge("lastCheckpointDuration", () -> lastDurationMillis);
    metrics.gauge("lastCheckpointSize", () -> lastSizeBytes);
    metrics.gauge("lastCheckpointFullSize", () -> lastFullSizeBytes);
    metrics.gauge("lastCompletedCheckpointId", () -> lastCompletedId);
  }

  /** One checkpoint in progress. */
  private static final class Pending {
    final long id;
    final long timestamp;
    final Targets targets;
    final Map<String, SubtaskState> acks = new LinkedHashMap<>();
    /** Subtasks that finished without taking part: done, with no state. */
    final Set<String> finished = new HashSet<>();
    Map<String, List<byte[]>> enumeratorSplits = Map.of();
    CheckpointBarrier barrier;
    ScheduledFuture<?> timeout;
    final SavepointRequest savepoint;

    Pending(long id, long timestamp, Targets targets, SavepointRequest savepoint) {
      this.id = id;
      this.timestamp = timestamp;
      this.targets = targets;
      this.savepoint = savepoint;
      finished.addAll(targets.finishedTasks());
    }

    /** Whether every subtask acknowledged or finished. */
    boolean allDone() {
      int done = acks.size();
      for (String task : finished) {
        done += acks.containsKey(task) ? 0 : 1;
      }
      return done == targets.numTasks();
    }
  }

  /**
   * Checks that the storage's file system does what checkpoints rely on, so that a directory on
   * one that cannot fails the job's submission rather than every checkpoint.
   *
   * @throws IllegalArgumentException naming the directory and what its file system cannot do
   */
  public void checkStorage() {
    try {
      storage.checkUsable();
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          "Checkpoints cannot be written to " + StorageLocations.describe(config.directory())
              + ": " + e.getMessage(),
          e);
    }
  }

  /** Starts triggering into a newly deployed execution attempt. Called on the job's thread. */
  public void start(Targets attempt) {
    this.targets = attempt;
    if (config.enabled()) {
      long interval = config.interval().toMillis();
      periodic =
          jobThread.scheduleAtFixedRate(this::tick, interval, interval, TimeUnit.MILLISECONDS);
    }
    triggerRequestedSavepoint();
  }

  /**
   * Takes a savepoint into a new directory under {@code parentDirectory}; the result is that
   * directory, or the reason it failed. Safe from any thread.
   */
  public CompletableFuture<Path> triggerSavepoint(Path parentDirectory) {
    return triggerSavepoint(parentDirectory, false);
  }

  /**
   * Takes a savepoint as {@link #triggerSavepoint(Path)} does; with {@code drain}, sources first
   * end event time (see {@link CheckpointBarrier#drain()}), so the job should stop after it.
   */
  public CompletableFuture<Path> triggerSavepoint(Path parentDirectory, boolean drain) {
    CompletableFuture<Path> result = new CompletableFuture<>();
    jobThread.execute(
        () -> {
          savepointRequests.add(new SavepointRequest(parentDirectory, drain, result));
          triggerRequestedSavepoint();
        });
    return result;
  }

  private void triggerRequestedSavepoint() {
    if (targets == null || !pending.isEmpty() || savepointRequests.isEmpty()) {
      return;
    }
    if (targets.notReadyReason() != null) {
      jobThread.schedule(this::triggerRequestedSavepoint, 10, TimeUnit.MILLISECONDS);
      return;
    }
    trigger(savepointRequests.poll(), System.currentTimeMillis());
  }

  /**
   * The job ended: stops, fails the savepoints still asked for, and deletes the retained
   * checkpoints unless {@code execution.checkpointing.externalized-checkpoint-retention} keeps
   * them for this end. Called on the job's thread.
   */
  public void shutdown(String reason, JobStatus end) {
    stop(reason);
    while (!savepointRequests.isEmpty()) {
      savepointRequests.poll().result().completeExceptionally(
          new IllegalStateException("No savepoint was taken: " + reason));
    }
    if (!keepsCheckpoints(end)) {
      while (!completed.isEmpty()) {
        CompletedCheckpoint dropped = completed.removeFirst();
        sharedState.release(dropped);
        storage.discard(dropped.checkpointId());
      }
      sharedState.deleteAllUnreferenced();
      storage.discardJobDirectoryIfEmpty();
    }
  }

  private boolean keepsCheckpoints(JobStatus end) {
    return switch (end) {
      case FAILED -> config.retention() != ExternalizedCheckpointRetention.NO_EXTERNALIZED_CHECKPOINTS;
      case CANCELED -> config.retention() == ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION;
      default -> false;
    };
  }

  /**
   * Stops triggering and aborts the checkpoints in progress (the attempt is failing or the job
   * ends). Called on the job's thread.
   */
  public void stop(String reason) {
    if (periodic != null) {
      periodic.cancel(false);
      periodic = null;
    }
    targets = null;
    for (Pending p : List.copyOf(pending.values())) {
      abort(p, reason, false);
    }
    // No task of the stopped attempt snapshots any more; a new one reuses only retained files.
    sharedState.deleteAllUnreferenced();
  }

  /** The latest completed checkpoint, or null. Called on the job's thread. */
  public CompletedCheckpoint latestCompleted() {
    return completed.peekLast();
  }

  private void tick() {
    if (targets == null || pending.size() >= config.maxConcurrent()) {
      return;
    }
    if (!savepointRequests.isEmpty()
        || pending.values().stream().anyMatch(p -> p.savepoint != null)) {
      // A savepoint asked for starts once the checkpoints in progress end; none starts meanwhile.
      return;
    }
    // A monotonic clock: a wall clock set back would stretch the pause.
    if (anyEnded && System.nanoTime() - lastEndNanos < config.minPause().toNanos()) {
      return;
    }
    long now = System.currentTimeMillis();
    String notReady = targets.notReadyReason();
    if (notReady != null) {
      LOG.debug("Not triggering a checkpoint of job '{}': {}", job.name(), notReady);
      return;
    }
    trigger(null, now);
  }

  private void trigger(SavepointRequest savepoint, long now) {
    Pending p = new Pending(nextCheckpointId++, now, targets, savepoint);
    pending.put(p.id, p);
    p.timeout =
        jobThread.schedule(
            () -> {
              if (pending.get(p.id) == p) {
                abort(p, "it did not complete within " + config.timeout().toMillis() + " ms");
              }
            },
            config.timeout().toMillis(),
            TimeUnit.MILLISECONDS);
    p.barrier = new CheckpointBarrier(
        p.id, p.timestamp, savepoint != null, savepoint != null && savepoint.drain());
    try {
      p.enumeratorSplits = targets.triggerSources(p.barrier);
    } catch (Exception e) {
      abort(p, "triggering it failed: " + e);
      return;
    }
    if (p.allDone()) {
      // Every task finished meanwhile: there is nothing more to wait for.
      complete(p);
    }
  }

  /** A subtask's state is written. Safe from any thread. */
  public void acknowledge(Targets from, long checkpointId, SubtaskState state) {
    jobThread.execute(
        () -> {
          Pending p = pending.get(checkpointId);
          if (p == null || p.targets != from) {
            // Aborted meanwhile, or from a canceled attempt: what it uploaded is garbage.
            sharedState.discardUnregistered(state);
            return;
          }
          p.acks.put(state.vertexId() + "/" + state.subtask(), state);
          if (p.allDone()) {
            complete(p);
          }
        });
  }

  /** A subtask could not write its state. Safe from any thread. */
  public void decline(Targets from, long checkpointId, String task, Throwable reason) {
    jobThread.execute(
        () -> {
          Pending p = pending.get(checkpointId);
          if (p != null && p.targets == from) {
            abort(p, task + " could not write its state: " + reason,
                !(reason instanceof DeclinedByEndingTask));
          }
        });
  }

  /**
   * A subtask's input ended, and it waits for a checkpoint to commit what it holds. One in
   * progress that it did not take part in would wait for it in vain: no barrier comes through
   * ended inputs. So it is sent the barrier directly. Safe from any thread.
   *
   * @param task the subtask as {@code "vertexId/subtask"}
   * @param lastCheckpointTaken the last checkpoint the subtask snapshotted, or -1
   */
  public void taskAwaitsFinalCheckpoint(Targets from, String task, long lastCheckpointTaken) {
    jobThread.execute(
        () -> {
          // Oldest first: the task takes them in the order their barriers would have come.
          for (Pending p : List.copyOf(pending.values())) {
            if (p.targets == from && lastCheckpointTaken < p.id && !p.acks.containsKey(task)) {
              from.triggerTask(task, p.barrier);
            }
          }
        });
  }

  /**
   * A subtask finished. For a checkpoint it did not take part in it counts as done, with no state:
   * everything it emitted reached the tasks downstream ahead of its end. Its acknowledgements of
   * the checkpoints it took part in were sent before. Safe from any thread.
   *
   * @param task the subtask as {@code "vertexId/subtask"}
   * @param lastCheckpointTaken the last checkpoint the subtask snapshotted, or -1
   */
  public void taskFinished(Targets from, String task, long lastCheckpointTaken) {
    jobThread.execute(
        () -> {
          for (Pending p : List.copyOf(pending.values())) {
            // An older one completing may have subsumed this one meanwhile.
            if (pending.get(p.id) == p && p.targets == from && lastCheckpointTaken < p.id) {
              p.finished.add(task);
              if (p.allDone()) {
                complete(p);
              }
            }
          }
        });
  }

  private void complete(Pending p) {
    pending.remove(p.id);
    p.timeout.cancel(false);
    CompletedCheckpoint checkpoint = build(p);
    if (p.savepoint != null) {
      completeSavepoint(p, checkpoint);
      return;
    }
    try {
      storage.writeMetadata(checkpoint);
    } catch (IOException e) {
      pending.put(p.id, p);
      abort(p, "writing its metadata failed: " + e);
      return;
    }
    abortSubsumed(checkpoint.checkpointId());
    long now = System.currentTimeMillis();
    long written = sharedState.register(checkpoint);
    completed.addLast(checkpoint);
    while (completed.size() > config.numRetained()) {
      CompletedCheckpoint dropped = completed.removeFirst();
      sharedState.release(dropped);
      storage.discard(dropped.checkpointId());
    }
    sharedState.deleteUnusable(checkpoint);
    List<Long> kept = new ArrayList<>();
    completed.forEach(c -> kept.add(c.checkpointId()));
    storage.discardOlderExcept(checkpoint.checkpointId(), kept);
    numCompleted++;
    lastDurationMillis = now - p.timestamp;
    lastSizeBytes = written;
    lastFullSizeBytes = checkpoint.sizeInBytes();
    lastCompletedId = checkpoint.checkpointId();
    consecutiveFailures = 0;
    LOG.info(
        "Checkpoint {} of job '{}' completed in {} ms ({} bytes written, {} bytes in all)",
        checkpoint.checkpointId(), job.name(), lastDurationMillis, lastSizeBytes,
        lastFullSizeBytes);
    ended();
    p.targets.notifyCheckpointComplete(checkpoint.checkpointId());
    triggerRequestedSavepoint();
  }

  /** Writes a savepoint's metadata, then moves it where it was asked for. */
  private void completeSavepoint(Pending p, CompletedCheckpoint checkpoint) {
    Path target =
        p.savepoint.parentDirectory().resolve(
            "savepoint-" + job.jobId().substring(0, Math.min(6, job.jobId().length())) + "-"
                + p.id);
    try {
      storage.writeMetadata(checkpoint);
      storage.moveCheckpoint(p.id, target);
    } catch (IOException e) {
      pending.put(p.id, p);
      abort(p, "writing it to " + target + " failed: " + e);
      return;
    }
    ended();
    LOG.info("Savepoint {} of job '{}' written to {}", p.id, job.name(), target);
    // Sinks commit what the savepoint covers, as for a checkpoint.
    p.targets.notifyCheckpointComplete(p.id);
    p.savepoint.result().complete(target);
    triggerRequestedSavepoint();
  }

  /**
   * Aborts the checkpoints in progress older than the one that just completed: a restore never
   * needs them, and the directories of older checkpoints are about to be tidied away. Their
   * abort is no failure (as Flink's subsumed checkpoints).
   */
  private void abortSubsumed(long completedId) {
    for (Pending older : List.copyOf(pending.headMap(completedId).values())) {
      // The savepoint a request waits for starts after the completion, not in its midst.
      abort(older, "checkpoint " + completedId + " completed first and subsumes it", false, false);
    }
  }

  private void countFailure(Pending p, String reason) {
    consecutiveFailures++;
    if (consecutiveFailures > config.tolerableFailures()) {
      String message =
          consecutiveFailures + " checkpoint(s) in a row failed, more than "
              + CheckpointingOptions.TOLERABLE_FAILED_CHECKPOINTS.key() + " = "
              + config.tolerableFailures() + " tolerates; the last, checkpoint " + p.id
              + ", because " + reason + ". Raise that setting to keep running through failed"
              + " checkpoints.";
      consecutiveFailures = 0;
      p.targets.failCheckpointing(new IllegalStateException(message));
    }
  }

  /**
   * Marks the end of a checkpoint, once its storage is tidied (the time that takes is no part of
   * the pause).
   */
  private void ended() {
    lastEndNanos = System.nanoTime();
    anyEnded = true;
  }

  private CompletedCheckpoint build(Pending p) {
    Map<String, Map<Integer, OperatorSubtaskState>> subtasks = new LinkedHashMap<>();
    for (SubtaskState ack : p.acks.values()) {
      for (OperatorSubtaskState op : ack.operators()) {
        subtasks.computeIfAbsent(op.operatorKey(), k -> new HashMap<>()).put(ack.subtask(), op);
      }
    }
    p.enumeratorSplits.keySet().forEach(k -> subtasks.computeIfAbsent(k, x -> new HashMap<>()));
    Map<String, OperatorState> operators = new LinkedHashMap<>();
    subtasks.forEach(
        (key, states) ->
            operators.put(
                key,
                new OperatorState(
                    key, parallelismOf.get(key), states, p.enumeratorSplits.get(key))));
    return new CompletedCheckpoint(
        job.jobId(),
        p.id,
        p.timestamp,
        storage.checkpointDirectory(p.id),
        job.maxParallelism(),
        operators);
  }

  private void abort(Pending p, String reason) {
    abort(p, reason, true);
  }

  /**
   * Ends a checkpoint in progress without completing it.
   *
   * @param counts whether it counts towards the tolerable failures (the checkpoint itself failed,
   *     rather than the attempt it ran in)
   */
  private void abort(Pending p, String reason, boolean counts) {
    abort(p, reason, counts, true);
  }

  /** @param startQueuedSavepoint whether a savepoint asked for may start right away */
  private void abort(Pending p, String reason, boolean counts, boolean startQueuedSavepoint) {
    if (pending.get(p.id) != p) {
      return;
    }
    pending.remove(p.id);
    if (p.timeout != null) {
      p.timeout.cancel(false);
    }
    numFailed++;
    LOG.warn("Checkpoint {} of job '{}' aborted: {}", p.id, job.name(), reason);
    p.acks.values().forEach(sharedState::discardUnregistered);
    storage.discard(p.id);
    ended();
    if (counts && p.savepoint == null) {
      countFailure(p, reason);
    }
    if (p.savepoint != null) {
      p.savepoint.result().completeExceptionally(
          new IllegalStateException("Savepoint " + p.id + " of job '" + job.name()
              + "' failed: " + reason));
    }
    if (startQueuedSavepoint) {
      triggerRequestedSavepoint();
    }
  }
}
