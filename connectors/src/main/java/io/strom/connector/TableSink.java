package io.strom.connector;

import io.strom.data.Row;
import io.strom.datastream.sink.Sink;

/** The planner's view of a table that is written to: which changes it accepts and its runtime sink. */
public interface TableSink {

  /**
   * The kinds of rows this sink accepts when the query produces {@code requested}; the planner
   * reports an error when the query needs kinds that are not returned.
   */
  ChangelogMode changelogMode(ChangelogMode requested);

  /** The runtime sink consuming rows of the table's physical type. */
  Sink<Row> createRuntimeSink();

  /** A one-line description for EXPLAIN, e.g. {@code print(print-identifier=out)}. */
  String summary();

  /** The parallelism the sink asks for (e.g. {@code sink.parallelism}), or null to inherit. */
  default Integer parallelism() {
    return null;
  }

  /**
   * Whether the rows written end (a bounded insert) or keep coming; told before {@link
   * #createRuntimeSink}. A sink refuses here what it can do only for one of the two.
   *
   * @throws ConnectorException naming what cannot be done and why
   */
  default void applyInputBoundedness(boolean bounded) {}

  /** An independent copy. */
  TableSink copy();
}
