package io.strom.runtime.tasks;

import io.strom.runtime.time.ProcessingTimeService;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Processing time of one task. A shared scheduler thread only puts mails into the task's mailbox;
 * the callbacks themselves run on the task's thread.
 */
final class TaskProcessingTimeService implements ProcessingTimeService {
  private final ScheduledExecutorService scheduler;
  private final Mailbox mailbox;
  private final Set<ScheduledFuture<?>> scheduled = ConcurrentHashMap.newKeySet();
  private final Set<OneShot> pending = ConcurrentHashMap.newKeySet();
  private volatile boolean shutdown;

  TaskProcessingTimeService(ScheduledExecutorService scheduler, Mailbox mailbox) {
    this.scheduler = scheduler;
    this.mailbox = mailbox;
  }

  @Override
  public long currentProcessingTime() {
    return System.currentTimeMillis();
  }

  @Override
  public Cancellable registerTimer(long timestamp, ProcessingTimeCallback callback) {
    OneShot timer = new OneShot(timestamp, callback);
    // Tracked before scheduling, so shutdown() can cancel it whenever it runs.
    pending.add(timer);
    timer.future =
        scheduler.schedule(
            timer, Math.max(0, timestamp - currentProcessingTime()), TimeUnit.MILLISECONDS);
    return timer;
  }

  /** A one-shot timer: when due, it mails its callback to the task. */
  private final class OneShot implements Runnable, Cancellable {
    private final long timestamp;
    private final ProcessingTimeCallback callback;
    private volatile boolean cancelled;
    private volatile ScheduledFuture<?> future;

    OneShot(long timestamp, ProcessingTimeCallback callback) {
      this.timestamp = timestamp;
      this.callback = callback;
    }

    @Override
    public void run() {
      pending.remove(this);
      if (!cancelled && !shutdown) {
        mailbox.put(
            new Mail(
                "processing-time timer",
                () -> {
                  if (!cancelled) {
                    callback.onProcessingTime(timestamp);
                  }
                }));
      }
    }

    @Override
    public void cancel() {
      cancelled = true;
      pending.remove(this);
      ScheduledFuture<?> f = future;
      if (f != null) {
        f.cancel(false);
      }
    }
  }

  @Override
  public Cancellable scheduleAtFixedRate(
      ProcessingTimeCallback callback, long initialDelayMillis, long periodMillis) {
    AtomicBoolean cancelled = new AtomicBoolean();
    // At most one mail of this schedule waits in the mailbox: a busy task skips ticks, not piles them.
    AtomicBoolean queued = new AtomicBoolean();
    ScheduledFuture<?> future =
        scheduler.scheduleAtFixedRate(
            () -> {
              if (!cancelled.get() && !shutdown && queued.compareAndSet(false, true)) {
                mailbox.put(
                    new Mail(
                        "periodic processing-time callback",
                        () -> {
                          queued.set(false);
                          if (!cancelled.get()) {
                            callback.onProcessingTime(currentProcessingTime());
                          }
                        }));
              }
            },
            initialDelayMillis,
            periodMillis,
            TimeUnit.MILLISECONDS);
    scheduled.add(future);
    return () -> {
      cancelled.set(true);
      future.cancel(false);
      scheduled.remove(future);
    };
  }

  /** Cancels everything scheduled; later registrations do nothing. */
  void shutdown() {
    shutdown = true;
    for (ScheduledFuture<?> f : scheduled) {
      f.cancel(false);
    }
    scheduled.clear();
    for (OneShot timer : pending) {
      timer.cancel();
    }
  }
}
