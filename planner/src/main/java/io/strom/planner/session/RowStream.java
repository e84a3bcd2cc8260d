package io.strom.planner.session;

import io.strom.data.Row;
import io.strom.runtime.cluster.JobClient;
import io.strom.runtime.cluster.JobExecutionException;
import io.strom.runtime.sql.RowQueueSink;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The rows of a running query, as they come: read with {@link #poll}; the query ends when its job
 * ends (bounded tables) or when the stream is closed, which cancels the job.
 */
public final class RowStream implements io.strom.planner.print.ResultRows {
  private final RowQueueSink rows;
  private final JobClient job;
  private final java.util.function.Consumer<RowStream> onClose;

  RowStream(RowQueueSink rows, JobClient job, java.util.function.Consumer<RowStream> onClose) {
    this.rows = rows;
    this.job = job;
    this.onClose = onClose;
  }

  /**
   * The next row, waiting up to {@code timeout}; null when none came in time or the query has
   * ended (see {@link #isFinished()}).
   *
   * @throws JobFailedException when the query's job failed
   */
  @Override
  public Row poll(Duration timeout) throws InterruptedException {
    Row row = rows.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (row == null && job.result().isCompletedExceptionally()) {
      try {
        job.result().get();
      } catch (ExecutionException e) {
        if (e.getCause() instanceof JobExecutionException failure && failure.operatorName() != null) {
          throw new JobFailedException(failure);
        }
        if (e.getCause() instanceof JobExecutionException failure
            && !failure.getMessage().contains("was canceled")) {
          throw new JobFailedException(failure);
        }
      }
    }
    return row;
  }

  @Override
  public java.util.OptionalLong watermark() {
    long watermark = rows.currentWatermark();
    // The end of event time (a bounded input's end) is not a time to show.
    return watermark == Long.MIN_VALUE || watermark == Long.MAX_VALUE
        ? java.util.OptionalLong.empty()
        : java.util.OptionalLong.of(watermark);
  }

  /** True when the job has ended and every row has been read. */
  @Override
  public boolean isFinished() {
    return job.result().isDone() && rows.isEmpty();
  }

  public String jobId() {
    return job.jobId();
  }

  /** Stops the query: cancels its job and drops rows not read yet. */
  @Override
  public void close() {
    try {
      job.cancel().get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // The job is ending anyway; what matters is that no one reads from the queue any more.
    } finally {
      rows.discard();
      onClose.accept(this);
    }
  }
}
