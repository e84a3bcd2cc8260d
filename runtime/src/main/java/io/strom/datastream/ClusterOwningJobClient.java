package io.strom.datastream;

import io.strom.runtime.cluster.JobClient;
import io.strom.runtime.cluster.JobExecutionResult;
import io.strom.runtime.cluster.JobStatus;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The client of a job that runs on an embedded cluster of its own: its result completes only after
 * that cluster has shut down, so nothing of the job is left running when a caller sees the result.
 */
final class ClusterOwningJobClient implements JobClient {
  private final JobClient job;
  private final CompletableFuture<JobExecutionResult> resultAfterShutdown;

  ClusterOwningJobClient(JobClient job, CompletableFuture<JobExecutionResult> resultAfterShutdown) {
    this.job = job;
    this.resultAfterShutdown = resultAfterShutdown;
  }

  @Override
  public String jobId() {
    return job.jobId();
  }

  @Override
  public String jobName() {
    return job.jobName();
  }

  @Override
  public JobStatus status() {
    return job.status();
  }

  @Override
  public Map<String, Long> metrics() {
    return job.metrics();
  }

  @Override
  public CompletableFuture<String> triggerSavepoint(String directory) {
    return job.triggerSavepoint(directory);
  }

  @Override
  public CompletableFuture<String> stopWithSavepoint(String directory, boolean drain) {
    return job.stopWithSavepoint(directory, drain)
        .thenCompose(path -> resultAfterShutdown.handle((r, e) -> path));
  }

  @Override
  public CompletableFuture<Void> cancel() {
    job.cancel();
    return resultAfterShutdown.handle((r, e) -> null);
  }

  @Override
  public CompletableFuture<JobExecutionResult> result() {
    return resultAfterShutdown;
  }
}
