package io.strom.planner.print;

import io.strom.data.Row;
import java.time.Duration;

/** The rows of a running query as the shell reads them, wherever the query runs. */
public interface ResultRows extends AutoCloseable {

  /**
   * The next row, waiting up to {@code timeout}; null when none came in time or the query ended.
   *
   * @throws io.strom.planner.session.JobFailedException when the query failed
   */
  Row poll(Duration timeout) throws InterruptedException;

  /** True when the query has ended and every row has been read. */
  boolean isFinished();

  /** Stops the query. */
  @Override
  void close();
}
