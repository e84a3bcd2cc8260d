package io.strom.runtime.tasks;

import static java.util.Objects.requireNonNull;

import io.strom.configuration.Configuration;
import io.strom.runtime.graph.JobGraph;
import io.strom.runtime.metrics.MetricRegistry;
import io.strom.runtime.network.ExchangeRegistry;
import io.strom.runtime.network.NetworkBufferPool;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The services a task manager lends a task of one job.
 *
 * @param job the job the task belongs to
 * @param configuration the job's settings
 * @param bufferPool the task manager's network buffers
 * @param exchanges the job's input gates
 * @param timerScheduler the thread that schedules processing-time callbacks
 * @param sourceReaders where source tasks register to receive splits
 * @param userClassLoader the class loader of the job's code
 * @param metrics the job's metrics
 * @param checkpointResponder where the task acknowledges checkpoints
 * @param snapshotExecutor the threads that write snapshots, so the task keeps processing
 */
public record TaskEnvironment(
    JobGraph job,
    Configuration configuration,
    NetworkBufferPool bufferPool,
    ExchangeRegistry exchanges,
    ScheduledExecutorService timerScheduler,
    SourceReaderRegistry sourceReaders,
    ClassLoader userClassLoader,
    MetricRegistry metrics,
    CheckpointResponder checkpointResponder,
    Executor snapshotExecutor) {
  public TaskEnvironment {
    requireNonNull(job, "job");
    requireNonNull(configuration, "configuration");
    requireNonNull(bufferPool, "bufferPool");
    requireNonNull(exchanges, "exchanges");
    requireNonNull(timerScheduler, "timerScheduler");
    requireNonNull(sourceReaders, "sourceReaders");
    requireNonNull(userClassLoader, "userClassLoader");
    requireNonNull(metrics, "metrics");
    requireNonNull(checkpointResponder, "checkpointResponder");
    requireNonNull(snapshotExecutor, "snapshotExecutor");
  }
}
