package io.strom.runtime.cluster;

import io.strom.configuration.Configuration;
import io.strom.configuration.TaskManagerOptions;
import io.strom.runtime.graph.JobGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Strom's embedded cluster: the job manager and task manager roles in one JVM. Each submitted job
 * gets a {@link JobMaster}; its subtasks run in task manager slots.
 *
 * <p>Unless {@code taskmanager.numberOfTaskSlots} is set, the task manager has as many slots as
 * jobs ask for. Thread-safe.
 */
public final class MiniCluster implements AutoCloseable {
  private final Configuration configuration;
  private final List<TaskManager> taskManagers = new ArrayList<>();
  private final Map<String, JobMaster> jobs = new ConcurrentHashMap<>();
  private boolean closed;

  public MiniCluster(Configuration configuration) {
    this.configuration = new Configuration(configuration);
    int numTaskManagers = configuration.get(ClusterOptions.NUM_TASK_MANAGERS);
    Integer slots = configuration.get(TaskManagerOptions.NUM_TASK_SLOTS);
    for (int i = 0; i < numTaskManagers; i++) {
      taskManagers.add(
          new TaskManager(configuration, slots == null ? Integer.MAX_VALUE : slots));
    }
  }

  /** The task managers, for inspection (buffer pools, slots). */
  public List<TaskManager> taskManagers() {
    return List.copyOf(taskManagers);
  }

  /**
   * Deploys and starts a job.
   *
   * @throws IllegalArgumentException when the job cannot be deployed: not enough slots or network
   *     buffers, or a function that is not serializable
   */
  public synchronized JobClient submit(JobGraph job, ClassLoader userClassLoader) throws Exception {
    if (closed) {
      throw new IllegalStateException("The cluster is shut down");
    }
    int needed = job.maxVertexParallelism();
    List<TaskManager> slots = allocate(needed, job);
    JobMaster master =
        new JobMaster(
            job,
            slots,
            userClassLoader,
            () -> {
              jobs.remove(job.jobId());
              releaseSlots(slots);
            });
    jobs.put(job.jobId(), master);
    try {
      master.start();
    } catch (Exception | Error e) {
      // Nothing was started: start() launches threads only after every task was created.
      jobs.remove(job.jobId());
      releaseSlots(slots);
      throw e;
    }
    return master;
  }

  private List<TaskManager> allocate(int needed, JobGraph job) {
    List<TaskManager> slots = new ArrayList<>();
    for (TaskManager tm : taskManagers) {
      while (slots.size() < needed && tm.allocate(1)) {
        slots.add(tm);
      }
    }
    if (slots.size() < needed) {
      releaseSlots(slots);
      int total = taskManagers.stream().mapToInt(TaskManager::numSlots).sum();
      throw new IllegalArgumentException(
          "Job '" + job.name() + "' needs " + needed + " slots (its largest parallelism) but the"
              + " cluster has " + total + " in total, some of them busy. Lower the parallelism or"
              + " raise '" + TaskManagerOptions.NUM_TASK_SLOTS.key() + "'.");
    }
    return slots;
  }

  private synchronized void releaseSlots(List<TaskManager> slots) {
    for (TaskManager tm : slots) {
      tm.release(1);
    }
  }

  /** The running jobs. */
  public List<JobClient> jobs() {
    return List.copyOf(jobs.values());
  }

  /** Cancels running jobs, waits for them to end, and stops the task managers. */
  @Override
  public void close() throws Exception {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    for (JobMaster job : jobs.values()) {
      job.cancel().get(30, TimeUnit.SECONDS);
    }
    taskManagers.forEach(TaskManager::close);
  }

  public Configuration configuration() {
    return configuration;
  }
}
