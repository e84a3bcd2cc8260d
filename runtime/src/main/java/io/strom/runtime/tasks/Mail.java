package io.strom.runtime.tasks;

import static java.util.Objects.requireNonNull;

/**
 * An action to run on a task's thread between records: a timer, a split assignment, a flush.
 *
 * @param description what the action does, for errors
 * @param action the action
 */
public record Mail(String description, Action action) {
  public Mail {
    requireNonNull(description, "description");
    requireNonNull(action, "action");
  }

  /** The body of a mail; may throw, which fails the task. */
  @FunctionalInterface
  public interface Action {
    void run() throws Exception;
  }
}
