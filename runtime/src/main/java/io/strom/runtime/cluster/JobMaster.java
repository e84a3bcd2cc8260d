package io.strom.runtime.cluster;

import io.strom.configuration.CheckpointingOptions;
import io.strom.runtime.checkpoint.CheckpointConfig;
import io.strom.runtime.checkpoint.CheckpointCoordinator;
import io.strom.runtime.checkpoint.CheckpointStorage;
import io.strom.runtime.checkpoint.CompletedCheckpoint;
import io.strom.runtime.checkpoint.StateAssignment;
import io.strom.runtime.graph.JobGraph;
import io.strom.runtime.graph.JobVertex;
import io.strom.runtime.metrics.MetricGroup;
import io.strom.runtime.metrics.MetricRegistry;
import io.strom.runtime.state.KeyedStateBackendFactory;
import io.strom.util.StorageLocations;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job manager role for one job: deploys an {@link ExecutionAttempt} of every subtask into the
 * slots it was given, runs the job's checkpoints, and handles failures: when a task fails it
 * cancels the others, and — if the restart strategy allows — deploys the whole job again from its
 * latest completed checkpoint (status RESTARTING in between); otherwise it fails the job. The
 * result completes only when the job really ends.
 *
 * <p>Thread-safe: status changes happen under the master's lock; restarts, checkpoint work and the
 * final clean-up run on the job's own thread.
 */
final class JobMaster implements JobClient, ExecutionAttempt.Owner {
  private static final Logger LOG = LoggerFactory.getLogger(JobMaster.class);

  private final JobGraph job;
  private final List<TaskManager> slots;
  private final Runnable onTermination;
  private final ClassLoader classLoader;
  private final MetricRegistry metrics = new MetricRegistry();
  private final CompletableFuture<JobExecutionResult> result = new CompletableFuture<>();
  private final long startNanos = System.nanoTime();
  private final ScheduledExecutorService jobThread;
  private final Map<Integer, byte[]> serializedVertices = new HashMap<>();
  private RestartStrategy restartStrategy;
  private CheckpointCoordinator checkpoints;
  private CompletedCheckpoint initialCheckpoint;
  private ExecutionAttempt attempt;
  private JobStatus status = JobStatus.RUNNING;
  private volatile int numRestarts;
  private String failedOperator;
  private Throwable failureCause;
  private String failedTask;
  private boolean stoppedWithSavepoint;
  private CheckpointConfig checkpointConfig;

  /**
   * @param slots the task manager of each slot; subtask i of every vertex runs in slot i
   */
  JobMaster(JobGraph job, List<TaskManager> slots, ClassLoader classLoader, Runnable onTermination) {
    this.job = job;
    this.slots = slots;
    this.classLoader = classLoader;
    this.onTermination = onTermination;
    this.jobThread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "strom-job-" + job.jobId());
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Checks the job's settings, creates every subtask (restored from {@code
   * execution.state-recovery.path} when set), then starts them; a job that cannot be deployed fails
   * here and nothing of it keeps running.
   */
  synchronized void start() throws Exception {
    try {
      checkpointConfig = CheckpointConfig.from(job.configuration());
      restartStrategy = RestartStrategy.from(job.configuration(), checkpointConfig.enabled());
      KeyedStateBackendFactory.Type.of(job.configuration());
      initialCheckpoint = loadRecoveryCheckpoint();
      for (JobVertex vertex : job.vertices()) {
        serializedVertices.put(vertex.id(), serialize(vertex));
      }
      MetricGroup jobMetrics = metrics.group("job");
      jobMetrics.gauge("numRestarts", () -> numRestarts);
      if (checkpointConfig.canSnapshot()) {
        long first = initialCheckpoint == null ? 1 : initialCheckpoint.checkpointId() + 1;
        checkpoints =
            new CheckpointCoordinator(job, checkpointConfig, jobThread, jobMetrics, first);
        checkpoints.checkStorage();
      }
      attempt = newAttempt(0, initialCheckpoint);
      attempt.deploy();
    } catch (Exception | Error e) {
      jobThread.shutdownNow();
      throw e;
    }
    startCheckpointing(attempt);
  }

  private CompletedCheckpoint loadRecoveryCheckpoint() {
    String path = job.configuration().get(CheckpointingOptions.RECOVERY_PATH);
    if (path == null || path.isBlank()) {
      return null;
    }
    CompletedCheckpoint checkpoint;
    try {
      checkpoint =
          CheckpointStorage.load(CheckpointConfig.resolve(CheckpointingOptions.RECOVERY_PATH, path));
    } catch (IOException e) {
      throw new IllegalArgumentException(
          e.getMessage() + " (from " + CheckpointingOptions.RECOVERY_PATH.key() + ")", e);
    }
    StateAssignment.validate(checkpoint, job);
    if (checkpoint.hasNativeState()) {
      try {
        new KeyedStateBackendFactory(job.configuration()).checkCanRestoreNative(checkpoint.name());
      } catch (IllegalStateException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
    }
    LOG.info("Job '{}' starts from checkpoint {}", job.name(), checkpoint.directory());
    return checkpoint;
  }

  private ExecutionAttempt newAttempt(int number, CompletedCheckpoint restoreFrom) {
    return new ExecutionAttempt(
        number, job, serializedVertices, slots, classLoader, metrics, this, checkpoints,
        restoreFrom);
  }

  private void startCheckpointing(ExecutionAttempt started) {
    if (checkpoints != null) {
      jobThread.execute(() -> checkpoints.start(started));
    }
  }

  private static byte[] serialize(JobVertex vertex) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(vertex);
    } catch (NotSerializableException e) {
      throw new IllegalArgumentException(
          "Task '" + vertex.name() + "' cannot be deployed: " + e.getMessage()
              + " is not serializable. Functions and the objects they capture must implement"
              + " java.io.Serializable. A lambda that uses a field, or an anonymous class written in"
              + " an instance method, captures its enclosing object: use a static nested class or"
              + " copy the field into a local variable first.",
          e);
    }
    return bytes.toByteArray();
  }

  /** A fresh copy of a vertex, so no two subtasks share operators or functions. */
  static JobVertex deserialize(byte[] bytes, ClassLoader classLoader)
      throws IOException, ClassNotFoundException {
    try (ObjectInputStream in =
        new ClassLoaderObjectInputStream(new ByteArrayInputStream(bytes), classLoader)) {
      return (JobVertex) in.readObject();
    }
  }

  @Override
  public void taskFailed(
      ExecutionAttempt failed, String where, String operatorName, Throwable cause) {
    boolean restart;
    synchronized (this) {
      if (failed != attempt || status != JobStatus.RUNNING) {
        return;
      }
      failedTask = where;
      failedOperator = operatorName;
      failureCause = cause;
      restart = restartStrategy.onFailure();
      status = restart ? JobStatus.RESTARTING : JobStatus.FAILING;
    }
    if (restart) {
      LOG.warn("Job '{}' failed in {}; restarting it", job.name(), where, cause);
    } else {
      LOG.warn("Job '{}' failed in {}", job.name(), where, cause);
    }
    if (checkpoints != null) {
      jobThread.execute(() -> checkpoints.stop("the job failed in " + where));
    }
    failed.cancel();
  }

  @Override
  public void allTasksEnded(ExecutionAttempt ended) {
    // The last task thread is still reporting; continue on the job's thread, which may wait.
    jobThread.execute(() -> afterAttemptEnded(ended));
  }

  private void afterAttemptEnded(ExecutionAttempt ended) {
    ended.release();
    Duration delay;
    synchronized (this) {
      if (status != JobStatus.RESTARTING) {
        terminate();
        return;
      }
      delay = restartStrategy.nextDelay();
    }
    jobThread.schedule(this::restart, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Deploys the job again from its latest completed checkpoint. Runs on the job's thread. */
  private void restart() {
    ExecutionAttempt next;
    synchronized (this) {
      if (status != JobStatus.RESTARTING) {
        terminate();
        return;
      }
      CompletedCheckpoint latest = checkpoints == null ? null : checkpoints.latestCompleted();
      CompletedCheckpoint from = latest != null ? latest : initialCheckpoint;
      next = newAttempt(attempt.number() + 1, from);
      try {
        next.deploy();
      } catch (Exception e) {
        status = JobStatus.FAILING;
        failedTask = "the restart of the job";
        failedOperator = null;
        failureCause = e;
        next.cancel();
        terminate();
        return;
      }
      attempt = next;
      numRestarts++;
      status = JobStatus.RUNNING;
      LOG.info(
          "Job '{}' restarted (restart {}) from {}",
          job.name(), numRestarts, from == null ? "scratch" : from.directory());
    }
    startCheckpointing(next);
  }

  /** Ends the job for good. Runs on the job's thread, after all task threads are gone. */
  private void terminate() {
    JobStatus end;
    synchronized (this) {
      end =
          switch (status) {
            case RUNNING -> JobStatus.FINISHED;
            case FAILING -> JobStatus.FAILED;
            case CANCELLING -> stoppedWithSavepoint ? JobStatus.FINISHED : JobStatus.CANCELED;
            default -> JobStatus.CANCELED;
          };
    }
    if (checkpoints != null) {
      checkpoints.shutdown("the job ended", end);
    }
    onTermination.run();
    Duration runtime = Duration.ofNanos(System.nanoTime() - startNanos);
    synchronized (this) {
      status = end;
    }
    jobThread.shutdown();
    if (end == JobStatus.FINISHED) {
      result.complete(new JobExecutionResult(job.jobId(), job.name(), runtime, metrics()));
    } else if (end == JobStatus.FAILED) {
      result.completeExceptionally(failure());
    } else {
      result.completeExceptionally(
          new JobExecutionException(
              job.jobId(), "Job '" + job.name() + "' was canceled", null, null));
    }
  }

  private JobExecutionException failure() {
    String cause = failureCause.getClass().getSimpleName()
        + (failureCause.getMessage() == null ? "" : ": " + failureCause.getMessage());
    // Says why the job did not restart again: a failure that outlasts every restart (a broker
    // that stays away) reads differently from one the strategy gave no restart at all.
    String restarts =
        numRestarts == 0 ? "" : " (after " + numRestarts + " restarts, the last the restart strategy allows)";
    String message =
        failedOperator == null
            ? "Job '" + job.name() + "' failed in " + failedTask + restarts + ": " + cause
            : "Job '" + job.name() + "' failed" + restarts + ": operator '" + failedOperator + "' in "
                + failedTask + " threw " + cause;
    return new JobExecutionException(job.jobId(), message, failedOperator, failureCause);
  }

  @Override
  public String jobId() {
    return job.jobId();
  }

  @Override
  public String jobName() {
    return job.name();
  }

  @Override
  public synchronized JobStatus status() {
    return status;
  }

  @Override
  public Map<String, Long> metrics() {
    return metrics.snapshot();
  }

  @Override
  public CompletableFuture<String> triggerSavepoint(String directory) {
    return savepoint(directory, false);
  }

  private CompletableFuture<String> savepoint(String directory, boolean drain) {
    Path parent;
    try {
      parent =
          directory != null && !directory.isBlank()
              ? StorageLocations.resolve(directory)
              : checkpointConfig == null ? null : checkpointConfig.savepointDirectory();
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(e);
    }
    if (parent == null || checkpoints == null) {
      return CompletableFuture.failedFuture(
          new IllegalArgumentException(
              "No directory for the savepoint of job '" + job.name() + "': name one, or set "
                  + CheckpointingOptions.SAVEPOINT_DIRECTORY.key() + " before the job starts."));
    }
    return checkpoints.triggerSavepoint(parent, drain).thenApply(StorageLocations::describe);
  }

  @Override
  public CompletableFuture<String> stopWithSavepoint(String directory, boolean drain) {
    return savepoint(directory, drain)
        .thenCompose(
            path -> {
              ExecutionAttempt current;
              synchronized (this) {
                if (status == JobStatus.RUNNING) {
                  status = JobStatus.CANCELLING;
                  stoppedWithSavepoint = true;
                }
                current = attempt;
              }
              // After the tasks heard the savepoint completed, so sinks commit what it covers.
              current.stopAfterQueuedMails();
              return result.handle((r, e) -> path);
            });
  }

  @Override
  public CompletableFuture<Void> cancel() {
    ExecutionAttempt current;
    synchronized (this) {
      if (status == JobStatus.RUNNING || status == JobStatus.RESTARTING) {
        status = JobStatus.CANCELLING;
      }
      current = attempt;
    }
    if (current != null) {
      current.cancel();
    }
    return result.handle((r, e) -> null);
  }

  @Override
  public CompletableFuture<JobExecutionResult> result() {
    return result;
  }

  /** Resolves classes through the job's class loader. */
  private static final class ClassLoaderObjectInputStream extends ObjectInputStream {
    private final ClassLoader loader;

    ClassLoaderObjectInputStream(InputStream in, ClassLoader loader) throws IOException {
      super(in);
      this.loader = loader;
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
      try {
        return Class.forName(desc.getName(), false, loader);
      } catch (ClassNotFoundException e) {
        return super.resolveClass(desc);
      }
    }
  }
}
