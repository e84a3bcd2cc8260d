package io.strom.runtime.sql.agg;

import io.strom.runtime.time.ProcessingTimeService;

/**
 * Decides when an operator's mini-batch is applied: when it holds {@code maxSize} rows, or once
 * the allowed latency has passed since a row arrived in an empty batch (a processing-time
 * callback). A callback armed by one batch may apply a later batch early, never late. Watermarks,
 * checkpoint barriers and the end of input apply the batch through {@link #fire}, called by the
 * operator. Used only on the task's mailbox thread.
 */
final class MiniBatchTrigger {

  /** Applies the buffered batch. */
  @FunctionalInterface
  interface Batch {
    void apply() throws Exception;
  }

  private final long maxSize;
  private final long latencyMillis;
  private final ProcessingTimeService time;
  private final Batch batch;
  private long size;
  private boolean callbackArmed;

  /**
   * @param maxSize rows a batch holds at most
   * @param latencyMillis how long a row waits at most
   */
  MiniBatchTrigger(long maxSize, long latencyMillis, ProcessingTimeService time, Batch batch) {
    if (maxSize <= 0 || latencyMillis <= 0) {
      throw new IllegalArgumentException(
          "Bug: a mini-batch needs a positive size and latency, got " + maxSize + " rows and "
              + latencyMillis + " ms");
    }
    this.maxSize = maxSize;
    this.latencyMillis = latencyMillis;
    this.time = time;
    this.batch = batch;
  }

  /** Counts a row the operator buffered; applies the batch when it is full. */
  void rowAdded() throws Exception {
    if (size++ == 0 && !callbackArmed) {
      callbackArmed = true;
      time.registerTimer(time.currentProcessingTime() + latencyMillis, this::onLatencyElapsed);
    }
    if (size >= maxSize) {
      fire();
    }
  }

  /** Applies the batch now, if it holds anything. */
  void fire() throws Exception {
    if (size > 0) {
      size = 0;
      batch.apply();
    }
  }

  private void onLatencyElapsed(long timestamp) throws Exception {
    callbackArmed = false;
    fire();
  }
}
