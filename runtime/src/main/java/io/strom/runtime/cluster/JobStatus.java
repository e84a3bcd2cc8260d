package io.strom.runtime.cluster;

/** Where a job is in its life. */
public enum JobStatus {
  RUNNING(false),
  /** A task failed; the others are being canceled. */
  FAILING(false),
  /**
   * A task failed and the restart strategy allows another attempt: the tasks are being canceled,
   * then the job is deployed again from its latest completed checkpoint.
   */
  RESTARTING(false),
  /** The user asked to cancel; tasks are stopping. */
  CANCELLING(false),
  FINISHED(true),
  FAILED(true),
  CANCELED(true);

  private final boolean terminal;

  JobStatus(boolean terminal) {
    this.terminal = terminal;
  }

  /** True when the job has ended and all its threads are gone. */
  public boolean isTerminal() {
    return terminal;
  }
}
