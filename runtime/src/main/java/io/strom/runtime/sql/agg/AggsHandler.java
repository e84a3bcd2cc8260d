package io.strom.runtime.sql.agg;

import io.strom.data.Row;

/**
 * The aggregate functions of one aggregation, generated per query: it holds the accumulators of
 * the current key in fields, so the per-row work is plain arithmetic on them.
 *
 * <p>The operator loads a key's accumulators with {@link #setAccumulators}, feeds rows to {@link
 * #accumulate} or {@link #retract}, and stores {@link #getAccumulators()} back. Instances are used
 * by one task thread only.
 */
public interface AggsHandler {

  /** Binds state the functions keep beyond their accumulators (distinct values, retractable MIN). */
  void open(AggsContext context) throws Exception;

  /** Accumulators of a key that has seen no rows. */
  Row createAccumulators();

  /** Makes {@code accumulators} the current ones; they are read, never changed. */
  void setAccumulators(Row accumulators);

  /** The current accumulators, as a new row that the caller may keep. */
  Row getAccumulators();

  void accumulate(Row input) throws Exception;

  void retract(Row input) throws Exception;

  /**
   * Adds partial accumulators, computed by a local aggregation with the same functions, to the
   * current ones: {@code partial}'s fields from {@code offset} on, in {@link #getAccumulators()}'s
   * layout. Only handlers whose functions all merge implement it.
   */
  default void merge(Row partial, int offset) throws Exception {
    throw new UnsupportedOperationException(
        "Bug: " + getClass().getSimpleName() + " cannot merge partial accumulators");
  }

  /**
   * The aggregation's result row for {@code key}: the key's fields followed by each function's
   * value, as a new INSERT row.
   */
  Row getValue(Row key) throws Exception;

  /**
   * Whether every row counted so far has been retracted, so the key's state can go: the row count
   * is zero, or below zero when merged partials retract rows that state which has since expired
   * had counted. Always false when the input never retracts (no count is kept then).
   */
  boolean recordCountIsZero();

  /** Drops the extra state of the current key. */
  void cleanup() throws Exception;

  void close() throws Exception;
}
