package io.strom.runtime.cluster;

/**
 * A job ended without finishing: it failed (the cause is the original exception, and the message
 * names the operator that threw) or it was canceled.
 */
public final class JobExecutionException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String jobId;
  private final String operatorName;

  public JobExecutionException(String jobId, String message, String operatorName, Throwable cause) {
    super(message, cause);
    this.jobId = jobId;
    this.operatorName = operatorName;
  }

  public String jobId() {
    return jobId;
  }

  /** The operator whose code threw, or null when the failure was not an operator's. */
  public String operatorName() {
    return operatorName;
  }
}
