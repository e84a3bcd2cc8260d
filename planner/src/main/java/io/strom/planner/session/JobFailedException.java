package io.strom.planner.session;

import io.strom.runtime.cluster.JobExecutionException;

/**
 * A statement's job failed while running: bad data, a failing function, a broken connection. The
 * message names the operator and the reason; the cause is the job's failure.
 */
public final class JobFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public JobFailedException(JobExecutionException failure) {
    super(
        failure.getCause() == null
            ? failure.getMessage()
            : failure.getMessage().contains(String.valueOf(failure.getCause().getMessage()))
                ? failure.getMessage()
                : failure.getMessage() + ": " + failure.getCause().getMessage(),
        failure);
  }
}
