package io.strom.runtime.cluster;

import io.strom.runtime.checkpoint.CheckpointBarrier;
import io.strom.runtime.checkpoint.CheckpointCoordinator;
import io.strom.runtime.checkpoint.CompletedCheckpoint;
import io.strom.runtime.checkpoint.OperatorKeys;
import io.strom.runtime.checkpoint.OperatorState;
import io.strom.runtime.checkpoint.StateAssignment;
import io.strom.runtime.checkpoint.SubtaskState;
import io.strom.runtime.checkpoint.TaskRestore;
import io.strom.runtime.graph.JobGraph;
import io.strom.runtime.graph.JobVertex;
import io.strom.runtime.graph.StreamNode;
import io.strom.runtime.metrics.MetricRegistry;
import io.strom.runtime.network.ExchangeRegistry;
import io.strom.runtime.tasks.CheckpointResponder;
import io.strom.runtime.tasks.SourceReaderRegistry;
import io.strom.runtime.tasks.StreamTask;
import io.strom.runtime.tasks.TaskEnvironment;
import io.strom.runtime.tasks.TaskListener;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One deployment of a job: a fresh copy of every subtask (restored from a checkpoint, or not), the
 * exchanges between them, and the split enumerators of its sources. A restart creates a new
 * attempt; callbacks of an older one's tasks are told apart by the attempt they come through.
 *
 * <p>Thread-safe: tasks report from their threads, the coordinator calls from the job's thread.
 */
final class ExecutionAttempt
    implements TaskListener, SourceReaderRegistry, CheckpointResponder, CheckpointCoordinator.Targets {
  private static final Logger LOG = LoggerFactory.getLogger(ExecutionAttempt.class);

  /** What the attempt reports to its job master. */
  interface Owner {
    void taskFailed(ExecutionAttempt attempt, String where, String operatorName, Throwable cause);

    /** Called on the thread of the last task to end. */
    void allTasksEnded(ExecutionAttempt attempt);
  }

  /** A deployed subtask. */
  private record Deployed(JobVertex vertex, int subtask, StreamTask task) {}

  private final int number;
  private final JobGraph job;
  private final Map<Integer, byte[]> serializedVertices;
  private final List<TaskManager> slots;
  private final ClassLoader classLoader;
  private final MetricRegistry metrics;
  private final Owner owner;
  private final CheckpointCoordinator checkpoints;
  private final CompletedCheckpoint restoreFrom;
  private final ExchangeRegistry exchanges;
  private final Map<Integer, SourceCoordinator<?>> coordinators = new LinkedHashMap<>();
  private final Map<String, Deployed> tasks = new LinkedHashMap<>();
  private final List<Thread> threads = new ArrayList<>();
  private int runningTasks;
  /** The subtasks that finished, by {@link #key}. */
  private final Set<String> finishedTasks = new HashSet<>();
  /** Tasks whose input ended that wait for a checkpoint to commit (see StreamTask). */
  private final Set<String> awaitingFinalCheckpoint = new HashSet<>();

  /**
   * @param checkpoints the job's checkpoint coordinator, or null when checkpointing is off
   * @param restoreFrom the checkpoint to start from, or null for a fresh start
   */
  ExecutionAttempt(
      int number,
      JobGraph job,
      Map<Integer, byte[]> serializedVertices,
      List<TaskManager> slots,
      ClassLoader classLoader,
      MetricRegistry metrics,
      Owner owner,
      CheckpointCoordinator checkpoints,
      CompletedCheckpoint restoreFrom) {
    this.number = number;
    this.job = job;
    this.serializedVertices = serializedVertices;
    this.slots = slots;
    this.classLoader = classLoader;
    this.metrics = metrics;
    this.owner = owner;
    this.checkpoints = checkpoints;
    this.restoreFrom = restoreFrom;
    this.exchanges = new ExchangeRegistry(job);
  }

  int number() {
    return number;
  }

  /** Creates every subtask and enumerator, then starts the subtasks. */
  synchronized void deploy() throws Exception {
    List<Runnable> starts = new ArrayList<>();
    for (JobVertex vertex : job.vertices()) {
      for (int subtask = 0; subtask < vertex.parallelism(); subtask++) {
        JobVertex copy = JobMaster.deserialize(serializedVertices.get(vertex.id()), classLoader);
        TaskManager tm = slots.get(subtask);
        TaskEnvironment env =
            new TaskEnvironment(
                job,
                job.configuration(),
                tm.bufferPool(),
                exchanges,
                tm.timerScheduler(),
                this,
                classLoader,
                metrics,
                this,
                tm.snapshotExecutor());
        TaskRestore restore =
            restoreFrom == null
                ? TaskRestore.NONE
                : StateAssignment.forSubtask(restoreFrom, copy, subtask, job.maxParallelism());
        StreamTask task = new StreamTask(copy, subtask, env, this, restore);
        tasks.put(key(vertex.id(), subtask), new Deployed(vertex, subtask, task));
        starts.add(() -> threads.add(tm.start(task)));
      }
    }
    for (JobVertex vertex : job.vertices()) {
      StreamNode head = vertex.head();
      if (head.isSource()) {
        OperatorState restored =
            restoreFrom == null ? null : restoreFrom.operators().get(OperatorKeys.of(head));
        SourceCoordinator<?> coordinator =
            new SourceCoordinator<>(
                head.source().source(),
                vertex.parallelism(),
                restored == null ? null : restored.enumeratorSplits());
        coordinator.start();
        coordinators.put(head.id(), coordinator);
      }
    }
    runningTasks = tasks.size();
    starts.forEach(Runnable::run);
  }

  private static String key(int vertexId, int subtask) {
    return vertexId + "/" + subtask;
  }

  /** Cancels every subtask; each reports itself canceled. Safe from any thread. */
  void cancel() {
    List<Deployed> all;
    synchronized (this) {
      all = new ArrayList<>(tasks.values());
    }
    all.forEach(d -> d.task().cancel());
  }

  /** Stops every task once it ran the mails queued so far. */
  void stopAfterQueuedMails() {
    List<Deployed> all;
    synchronized (this) {
      all = new ArrayList<>(tasks.values());
    }
    all.forEach(d -> d.task().stopAfterQueuedMails());
  }

  /**
   * Waits for every task thread, closes the enumerators and releases the exchanges. Called on the
   * job's thread once all tasks ended.
   */
  void release() {
    List<Thread> all;
    synchronized (this) {
      all = new ArrayList<>(threads);
    }
    for (Thread t : all) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    for (SourceCoordinator<?> coordinator : coordinators.values()) {
      try {
        coordinator.close();
      } catch (Exception e) {
        LOG.warn("Closing a split enumerator of job '{}' failed", job.name(), e);
      }
    }
    exchanges.releaseAll();
  }

  @Override
  public void registerReader(int nodeId, int subtask, SplitReceiver receiver) {
    SourceCoordinator<?> coordinator;
    synchronized (this) {
      coordinator = coordinators.get(nodeId);
    }
    try {
      coordinator.registerReader(subtask, receiver);
    } catch (Exception e) {
      owner.taskFailed(this, "source enumerator of node " + nodeId, null, e);
    }
  }

  @Override
  public void taskFinished(int vertexId, int subtask) {
    String key = key(vertexId, subtask);
    Deployed d;
    synchronized (this) {
      finishedTasks.add(key);
      awaitingFinalCheckpoint.remove(key);
      d = tasks.get(key);
    }
    if (checkpoints != null) {
      checkpoints.taskFinished(this, key, d.task().lastCheckpointId());
    }
    taskEnded();
  }

  @Override
  public void taskAwaitsFinalCheckpoint(int vertexId, int subtask) {
    String key = key(vertexId, subtask);
    Deployed d;
    synchronized (this) {
      awaitingFinalCheckpoint.add(key);
      d = tasks.get(key);
    }
    if (checkpoints != null) {
      checkpoints.taskAwaitsFinalCheckpoint(this, key, d.task().lastCheckpointId());
    }
  }

  @Override
  public void taskFailed(int vertexId, int subtask, String operatorName, Throwable cause) {
    JobVertex vertex = job.vertex(vertexId);
    owner.taskFailed(
        this,
        vertex.name() + " (" + (subtask + 1) + "/" + vertex.parallelism() + ")",
        operatorName,
        cause);
    taskEnded();
  }

  @Override
  public void taskCanceled(int vertexId, int subtask) {
    taskEnded();
  }

  private void taskEnded() {
    synchronized (this) {
      if (--runningTasks > 0) {
        return;
      }
    }
    owner.allTasksEnded(this);
  }

  // ---- checkpoints

  @Override
  public synchronized String notReadyReason() {
    if (allSourceTasksFinished() && awaitingFinalCheckpoint.isEmpty()) {
      // No barrier could start anywhere; the job is about to end.
      return "every source task finished";
    }
    for (SourceCoordinator<?> coordinator : coordinators.values()) {
      if (!coordinator.allReadersRegistered()) {
        return "source readers are still starting";
      }
    }
    return null;
  }

  private boolean allSourceTasksFinished() {
    for (Deployed d : tasks.values()) {
      boolean finished = finishedTasks.contains(key(d.vertex().id(), d.subtask()));
      if (d.vertex().head().isSource() && !finished) {
        return false;
      }
    }
    return true;
  }

  @Override
  public synchronized int numTasks() {
    return tasks.size();
  }

  @Override
  public synchronized Set<String> finishedTasks() {
    return Set.copyOf(finishedTasks);
  }

  @Override
  public Map<String, List<byte[]>> triggerSources(CheckpointBarrier barrier) throws Exception {
    Map<String, List<byte[]>> enumerators = new HashMap<>();
    for (JobVertex vertex : job.vertices()) {
      StreamNode head = vertex.head();
      if (!head.isSource()) {
        continue;
      }
      List<StreamTask> readers = new ArrayList<>();
      synchronized (this) {
        for (int s = 0; s < vertex.parallelism(); s++) {
          // A finished reader takes no barrier; it counts as done (see CheckpointCoordinator).
          if (!finishedTasks.contains(key(vertex.id(), s))) {
            readers.add(tasks.get(key(vertex.id(), s)).task());
          }
        }
      }
      List<byte[]> unassigned =
          coordinators
              .get(head.id())
              .snapshotAndTrigger(
                  barrier.checkpointId(), () -> readers.forEach(t -> t.triggerCheckpoint(barrier)));
      enumerators.put(OperatorKeys.of(head), unassigned);
    }
    List<StreamTask> ended = new ArrayList<>();
    synchronized (this) {
      for (String key : awaitingFinalCheckpoint) {
        Deployed d = tasks.get(key);
        // Source tasks got the barrier above; the others' inputs ended and bring none.
        if (!d.vertex().head().isSource()) {
          ended.add(d.task());
        }
      }
    }
    ended.forEach(t -> t.triggerCheckpoint(barrier));
    return enumerators;
  }

  @Override
  public void triggerTask(String task, CheckpointBarrier barrier) {
    Deployed d;
    synchronized (this) {
      d = tasks.get(task);
    }
    d.task().triggerCheckpoint(barrier);
  }

  @Override
  public void failCheckpointing(Throwable cause) {
    owner.taskFailed(this, "checkpointing", null, cause);
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) {
    List<Deployed> all;
    synchronized (this) {
      all = new ArrayList<>(tasks.values());
    }
    all.forEach(d -> d.task().notifyCheckpointComplete(checkpointId));
  }

  @Override
  public void acknowledgeCheckpoint(long checkpointId, SubtaskState state) {
    if (checkpoints != null) {
      checkpoints.acknowledge(this, checkpointId, state);
    }
  }

  @Override
  public void declineCheckpoint(long checkpointId, int vertexId, int subtask, Throwable reason) {
    if (checkpoints != null) {
      JobVertex vertex = job.vertex(vertexId);
      checkpoints.decline(
          this,
          checkpointId,
          vertex.name() + " (" + (subtask + 1) + "/" + vertex.parallelism() + ")",
          reason);
    }
  }
}
