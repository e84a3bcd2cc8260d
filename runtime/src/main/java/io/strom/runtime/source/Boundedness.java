package io.strom.runtime.source;

/** Whether a source ends by itself. */
public enum Boundedness {
  /** The source ends when its data is read; the job finishes when all sources have. */
  BOUNDED,
  /** The source runs until the job is cancelled. */
  CONTINUOUS_UNBOUNDED
}
