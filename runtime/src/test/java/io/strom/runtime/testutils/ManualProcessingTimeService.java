package io.strom.runtime.testutils;

import io.strom.runtime.time.ProcessingTimeService;
import java.util.PriorityQueue;

/**
 * A processing-time service for tests whose clock moves only when told: {@link #advanceTo} runs
 * every callback that became due, synchronously and in time order, including callbacks that
 * earlier callbacks registered for times already reached.
 *
 * <p>Not thread-safe: tests drive it from the thread that runs the operator.
 */
public final class ManualProcessingTimeService implements ProcessingTimeService {
  private final PriorityQueue<Scheduled> queue = new PriorityQueue<>();
  private long now;
  private long nextSequence;

  public ManualProcessingTimeService() {
    this(0);
  }

  public ManualProcessingTimeService(long startTime) {
    this.now = startTime;
  }

  @Override
  public long currentProcessingTime() {
    return now;
  }

  @Override
  public Cancellable registerTimer(long timestamp, ProcessingTimeCallback callback) {
    return enqueue(new Scheduled(timestamp, 0, callback));
  }

  @Override
  public Cancellable scheduleAtFixedRate(
      ProcessingTimeCallback callback, long initialDelayMillis, long periodMillis) {
    if (periodMillis <= 0) {
      throw new IllegalArgumentException("Period must be positive: " + periodMillis);
    }
    return enqueue(new Scheduled(now + initialDelayMillis, periodMillis, callback));
  }

  /** Moves the clock to {@code time} and runs the callbacks due by then, in time order. */
  public void advanceTo(long time) throws Exception {
    if (time < now) {
      throw new IllegalArgumentException(
          "Processing time cannot go back from " + now + " to " + time);
    }
    now = time;
    Scheduled next;
    while ((next = queue.peek()) != null && next.time <= now) {
      queue.poll();
      next.callback.onProcessingTime(next.time);
      if (next.period > 0 && !next.cancelled) {
        next.time += next.period;
        next.sequence = nextSequence++;
        queue.add(next);
      }
    }
  }

  /** Callbacks scheduled and not yet run or cancelled. */
  public int numScheduled() {
    return queue.size();
  }

  /** The time of the earliest scheduled callback, or {@code Long.MAX_VALUE} when none. */
  public long nextScheduledTime() {
    Scheduled next = queue.peek();
    return next == null ? Long.MAX_VALUE : next.time;
  }

  private Scheduled enqueue(Scheduled scheduled) {
    scheduled.sequence = nextSequence++;
    queue.add(scheduled);
    return scheduled;
  }

  /** A scheduled callback, ordered by time and then by scheduling order. */
  private final class Scheduled implements Cancellable, Comparable<Scheduled> {
    private long time;
    private final long period;
    private final ProcessingTimeCallback callback;
    private long sequence;
    private boolean cancelled;

    Scheduled(long time, long period, ProcessingTimeCallback callback) {
      this.time = time;
      this.period = period;
      this.callback = callback;
    }

    @Override
    public void cancel() {
      cancelled = true;
      queue.remove(this);
    }

    @Override
    public int compareTo(Scheduled other) {
      int byTime = Long.compare(time, other.time);
      return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
    }
  }
}
