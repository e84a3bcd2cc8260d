package io.strom.runtime.cluster;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** A handle on a submitted job: its status, its metrics, its result, and a way to cancel it. */
public interface JobClient {

  String jobId();

  String jobName();

  JobStatus status();

  /** Current metric values by {@code operator[subtask].name}. */
  Map<String, Long> metrics();

  /**
   * Takes a savepoint of the running job into a new directory under {@code directory} (null: the
   * job's {@code execution.checkpointing.savepoint-dir}); completes with that directory's path,
   * from which {@code execution.state-recovery.path} starts a job.
   */
  default CompletableFuture<String> triggerSavepoint(String directory) {
    return CompletableFuture.failedFuture(
        new UnsupportedOperationException("This job cannot take savepoints"));
  }

  /**
   * Takes a savepoint, then stops the job; completes with the savepoint's path once the job has
   * ended (status FINISHED).
   */
  default CompletableFuture<String> stopWithSavepoint(String directory) {
    return stopWithSavepoint(directory, false);
  }

  /**
   * Stops the job with a savepoint as {@link #stopWithSavepoint(String)} does; with {@code
   * drain}, sources first end event time, so every window fires and every event-time timer runs
   * before the savepoint (for a job that ends for good, not one to resume).
   */
  default CompletableFuture<String> stopWithSavepoint(String directory, boolean drain) {
    return CompletableFuture.failedFuture(
        new UnsupportedOperationException("This job cannot take savepoints"));
  }

  /** Asks the job to stop; the future completes when every task of it has ended. */
  CompletableFuture<Void> cancel();

  /**
   * Completes when the job ends: normally when it finished, exceptionally with a
   * {@link JobExecutionException} when it failed or was canceled.
   */
  CompletableFuture<JobExecutionResult> result();
}
