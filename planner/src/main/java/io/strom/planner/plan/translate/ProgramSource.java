package io.strom.planner.plan.translate;

import io.strom.data.Row;
import io.strom.runtime.source.Source;

/**
 * A table whose rows a program produces itself (a DataStream turned into a table) rather than a
 * connector: its scan joins the program's own graph instead of adding a source.
 */
public interface ProgramSource extends io.strom.connector.ScanTableSource {

  /**
   * Adds what turns the program's elements into rows of {@link #producedType()} to {@code job},
   * which must be built on the program's graph.
   */
  JobBuilder.Output produce(JobBuilder job);

  /** A program's table has no source of its own: {@link #produce} adds its rows. */
  @Override
  default Source<Row, ?> createRuntimeSource() {
    throw new UnsupportedOperationException("Bug: a program's table has no runtime source");
  }
}
