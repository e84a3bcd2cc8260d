package io.strom.api.eventtime;

import java.io.Serializable;

/** Extracts an element's event timestamp in epoch milliseconds. */
@FunctionalInterface
public interface TimestampAssigner<T> extends Serializable {
  /** Marks an element without timestamp. */
  long NO_TIMESTAMP = Long.MIN_VALUE;

  /**
   * @param recordTimestamp the timestamp the element already carries, or {@link #NO_TIMESTAMP}
   */
  long extractTimestamp(T element, long recordTimestamp);
}
