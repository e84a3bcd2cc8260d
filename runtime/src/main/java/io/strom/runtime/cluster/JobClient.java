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

  /** Asks the job to stop; the future completes when every task of it has ended. */
  CompletableFuture<Void> cancel();

  /**
   * Completes when the job ends: normally when it finished, exceptionally with a
   * {@link JobExecutionException} when it failed or was canceled.
   */
  CompletableFuture<JobExecutionResult> result();
}
