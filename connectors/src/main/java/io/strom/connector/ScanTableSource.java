package io.strom.connector;

import io.strom.data.Row;
import io.strom.runtime.source.Source;
import io.strom.types.RowType;

/**
 * The planner's view of a table that is read by scanning: what changes it produces, whether it
 * ends, and how to create the runtime source once abilities ({@link SupportsProjectionPushDown},
 * {@link SupportsReadingMetadata}) have been applied.
 *
 * <p>Instances are mutable while the planner applies abilities; the planner {@link #copy()}s before
 * trying an alternative.
 */
public interface ScanTableSource {

  /** The kinds of rows the source produces. */
  ChangelogMode changelogMode();

  /** True when the scan ends by itself. */
  boolean isBounded();

  /**
   * The type of the rows the runtime source produces: the physical columns left after projection
   * push-down, then the requested metadata columns in request order.
   */
  RowType producedType();

  /** The runtime source producing rows of {@link #producedType()}. */
  Source<Row, ?> createRuntimeSource();

  /** A one-line description for EXPLAIN, e.g. {@code filesystem(path=/tmp/x, format=csv)}. */
  String summary();

  /** An independent copy with the abilities applied so far. */
  ScanTableSource copy();
}
