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

  /**
   * The event time the result has reached: the last watermark that arrived with its rows, when
   * the query has event time and one has arrived; empty otherwise or when it is not known here.
   */
  default java.util.OptionalLong watermark() {
    return java.util.OptionalLong.empty();
  }

  /** True when the query has ended and every row has been read. */
  boolean isFinished();

  /** Stops the query. */
  @Override
  void close();
}
