package io.strom.runtime.tasks;

/** The task's thread was interrupted while it waited, which happens when the task is cancelled. */
final class TaskInterruptedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  TaskInterruptedException(InterruptedException cause) {
    super("Interrupted", cause);
  }
}
