package io.strom.runtime.time;

/**
 * Wall-clock time of a task, and callbacks at wall-clock times. Callbacks run on the task's thread,
 * between records, never concurrently with the operator.
 */
public interface ProcessingTimeService {

  /** Current processing time in epoch milliseconds. */
  long currentProcessingTime();

  /** Runs {@code callback} on the task thread once processing time reaches {@code timestamp}. */
  Cancellable registerTimer(long timestamp, ProcessingTimeCallback callback);

  /** Runs {@code callback} on the task thread every {@code periodMillis}, first after {@code initialDelayMillis}. */
  Cancellable scheduleAtFixedRate(
      ProcessingTimeCallback callback, long initialDelayMillis, long periodMillis);

  /** A scheduled callback that can be withdrawn. */
  interface Cancellable {
    void cancel();
  }

  /** Called on the task thread with the time it was scheduled for. */
  @FunctionalInterface
  interface ProcessingTimeCallback {
    void onProcessingTime(long time) throws Exception;
  }
}
