package io.strom.runtime.source;

/** What an input has for its task after a poll. */
public enum InputStatus {
  /** Call again right away. */
  MORE_AVAILABLE,
  /** Nothing now; the task waits for a signal or a mail before polling again. */
  NOTHING_AVAILABLE,
  /** This input has ended. */
  END_OF_INPUT
}
