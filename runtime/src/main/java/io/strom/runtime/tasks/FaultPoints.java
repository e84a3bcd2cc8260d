package io.strom.runtime.tasks;

import static java.util.Objects.requireNonNull;

/**
 * Named moments of a task's checkpointing at which a failure-injection test can kill the task,
 * to prove that recovery is exactly-once whichever moment a failure hits: while a checkpoint's
 * state is being uploaded, and after a checkpoint was acknowledged but before its completion
 * notice took effect. Tests arm a {@link Trigger}; otherwise (always, in production) a point costs
 * one read of a static field per checkpoint, and nothing per record.
 */
public final class FaultPoints {
  /**
   * On a snapshot thread, between writing a subtask's state file and acknowledging the checkpoint:
   * the task fails and the upload is given up, its files left half-written.
   */
  public static final String CHECKPOINT_UPLOAD = "checkpoint-upload";

  /**
   * On the task's thread, when the notice of a completed checkpoint arrives, before any operator
   * (a transactional sink among them) hears of it: the checkpoint is durable, its side effects
   * not yet committed.
   */
  public static final String COMPLETION_NOTICE = "completion-notice";

  /** Decides whether an armed point fails the task that reaches it. Called from any thread. */
  @FunctionalInterface
  public interface Trigger {
    boolean fires(String point, String task, long checkpointId);
  }

  /** The armed trigger, or null: read once per checkpoint and point. */
  private static volatile Trigger armed;

  private FaultPoints() {}

  /** Arms {@code trigger} for every task of this JVM, until {@link #disarm()}. */
  public static void arm(Trigger trigger) {
    armed = requireNonNull(trigger, "trigger");
  }

  public static void disarm() {
    armed = null;
  }

  /**
   * Throws an {@link InjectedFailure} when an armed trigger fires at {@code point}.
   *
   * @param task the task's name, {@code "Map -> Filter (2/4)"}
   */
  static void check(String point, String task, long checkpointId) {
    Trigger trigger = armed;
    if (trigger != null && trigger.fires(point, task, checkpointId)) {
      throw new InjectedFailure(point, task, checkpointId);
    }
  }

  /** The failure a fault point injects; its message says where and in which checkpoint. */
  public static final class InjectedFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InjectedFailure(String point, String task, long checkpointId) {
      super("Injected failure at " + point + " of checkpoint " + checkpointId + " in " + task);
    }
  }
}
