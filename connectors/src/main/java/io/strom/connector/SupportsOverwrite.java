package io.strom.connector;

/**
 * A sink that can replace what its table holds: {@code INSERT OVERWRITE}. The planner calls
 * {@link #applyOverwrite} before it creates the runtime sink.
 */
public interface SupportsOverwrite {

  /** Whether the insert replaces the table's (or the written partitions') existing rows. */
  void applyOverwrite(boolean overwrite);
}
