package io.strom.runtime.cluster;

import io.strom.runtime.graph.JobGraph;
import io.strom.runtime.graph.JobVertex;
import io.strom.runtime.graph.StreamNode;
import io.strom.runtime.metrics.MetricRegistry;
import io.strom.runtime.network.ExchangeRegistry;
import io.strom.runtime.tasks.SourceReaderRegistry;
import io.strom.runtime.tasks.StreamTask;
import io.strom.runtime.tasks.TaskEnvironment;
import io.strom.runtime.tasks.TaskListener;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job manager role for one job: deploys a copy of every subtask into the slots it was given,
 * runs the sources' split enumerators, tracks how tasks end, fails the whole job when one task
 * fails (canceling the rest), and reports the outcome.
 */
final class JobMaster implements TaskListener, SourceReaderRegistry, JobClient {
  private static final Logger LOG = LoggerFactory.getLogger(JobMaster.class);

  private final JobGraph job;
  private final List<TaskManager> slots;
  private final Runnable onTermination;
  private final ClassLoader classLoader;
  private final ExchangeRegistry exchanges;
  private final MetricRegistry metrics = new MetricRegistry();
  private final Map<Integer, SourceCoordinator<?>> coordinators = new HashMap<>();
  private final List<StreamTask> tasks = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private final CompletableFuture<JobExecutionResult> result = new CompletableFuture<>();
  private final long startNanos = System.nanoTime();
  private JobStatus status = JobStatus.RUNNING;
  private int runningTasks;
  private String failedOperator;
  private Throwable failureCause;
  private String failedTask;

  /**
   * @param slots the task manager of each slot; subtask i of every vertex runs in slot i
   */
  JobMaster(JobGraph job, List<TaskManager> slots, ClassLoader classLoader, Runnable onTermination) {
    this.job = job;
    this.slots = slots;
    this.classLoader = classLoader;
    this.onTermination = onTermination;
    this.exchanges = new ExchangeRegistry(job);
  }

  /** Creates every subtask, then starts them; a job that cannot be deployed fails here. */
  synchronized void start() throws Exception {
    List<Runnable> starts = new ArrayList<>();
    for (JobVertex vertex : job.vertices()) {
      byte[] serialized = serialize(vertex);
      for (int subtask = 0; subtask < vertex.parallelism(); subtask++) {
        JobVertex copy = deserialize(serialized);
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
                metrics);
        StreamTask task = new StreamTask(copy, subtask, env, this);
        tasks.add(task);
        starts.add(() -> threads.add(tm.start(task)));
      }
    }
    for (JobVertex vertex : job.vertices()) {
      StreamNode head = vertex.head();
      if (head.isSource()) {
        SourceCoordinator<?> coordinator =
            new SourceCoordinator<>(head.source().source(), vertex.parallelism());
        coordinator.start();
        coordinators.put(head.id(), coordinator);
      }
    }
    runningTasks = tasks.size();
    starts.forEach(Runnable::run);
  }

  private byte[] serialize(JobVertex vertex) throws IOException {
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

  private JobVertex deserialize(byte[] bytes) throws IOException, ClassNotFoundException {
    try (ObjectInputStream in = new ClassLoaderObjectInputStream(new ByteArrayInputStream(bytes), classLoader)) {
      return (JobVertex) in.readObject();
    }
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
      fail("source enumerator of node " + nodeId, null, e);
    }
  }

  @Override
  public void taskFinished(int vertexId, int subtask) {
    taskEnded();
  }

  @Override
  public void taskFailed(int vertexId, int subtask, String operatorName, Throwable cause) {
    JobVertex vertex = job.vertex(vertexId);
    fail(vertex.name() + " (" + (subtask + 1) + "/" + vertex.parallelism() + ")", operatorName, cause);
    taskEnded();
  }

  @Override
  public void taskCanceled(int vertexId, int subtask) {
    taskEnded();
  }

  private void fail(String where, String operatorName, Throwable cause) {
    synchronized (this) {
      if (status != JobStatus.RUNNING) {
        return;
      }
      status = JobStatus.FAILING;
      failedTask = where;
      failedOperator = operatorName;
      failureCause = cause;
    }
    LOG.warn("Job '{}' failed in {}", job.name(), where, cause);
    tasks.forEach(StreamTask::cancel);
  }

  private void taskEnded() {
    synchronized (this) {
      if (--runningTasks > 0) {
        return;
      }
    }
    // The last task thread is still reporting; finish on a thread that can wait for all of them.
    Thread completer = new Thread(this::terminate, "strom-job-end-" + job.jobId());
    completer.setDaemon(true);
    completer.start();
  }

  private void terminate() {
    synchronized (this) {
      for (Thread t : threads) {
        if (t != Thread.currentThread()) {
          try {
            t.join();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
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
    onTermination.run();
    Duration runtime = Duration.ofNanos(System.nanoTime() - startNanos);
    JobStatus end;
    synchronized (this) {
      end =
          switch (status) {
            case RUNNING -> JobStatus.FINISHED;
            case FAILING -> JobStatus.FAILED;
            default -> JobStatus.CANCELED;
          };
      status = end;
    }
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
    String message =
        failedOperator == null
            ? "Job '" + job.name() + "' failed in " + failedTask + ": " + cause
            : "Job '" + job.name() + "' failed: operator '" + failedOperator + "' in " + failedTask
                + " threw " + cause;
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
  public CompletableFuture<Void> cancel() {
    synchronized (this) {
      if (status == JobStatus.RUNNING) {
        status = JobStatus.CANCELLING;
      }
    }
    tasks.forEach(StreamTask::cancel);
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
