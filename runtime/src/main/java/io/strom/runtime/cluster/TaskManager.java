package io.strom.runtime.cluster;

import io.strom.configuration.Configuration;
import io.strom.configuration.TaskManagerOptions;
import io.strom.runtime.network.NetworkBufferPool;
import io.strom.runtime.tasks.StreamTask;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The task manager role: a number of slots that run subtasks, each on its own thread, with the
 * fixed network buffer pool and the scheduler of processing-time callbacks they share.
 */
public final class TaskManager implements AutoCloseable {
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private final int index = COUNTER.incrementAndGet();
  private final int numSlots;
  private final NetworkBufferPool bufferPool;
  private final ScheduledThreadPoolExecutor timerScheduler;
  private final ExecutorService snapshotExecutor;
  private int freeSlots;

  /** @param numSlots the number of slots, or {@link Integer#MAX_VALUE} for as many as jobs ask */
  public TaskManager(Configuration configuration, int numSlots) {
    this.numSlots = numSlots;
    this.freeSlots = numSlots;
    int segmentSize = configuration.get(TaskManagerOptions.SEGMENT_SIZE).bytesAsInt();
    long networkBytes = configuration.get(TaskManagerOptions.NETWORK_MEMORY).bytes();
    this.bufferPool =
        new NetworkBufferPool((int) Math.max(1, networkBytes / segmentSize), segmentSize);
    this.timerScheduler =
        (ScheduledThreadPoolExecutor)
            Executors.newScheduledThreadPool(
                1,
                r -> {
                  Thread t = new Thread(r, "strom-timers-" + index);
                  t.setDaemon(true);
                  return t;
                });
    // Canceled timers leave the queue at once instead of holding their operator until due.
    this.timerScheduler.setRemoveOnCancelPolicy(true);
    AtomicInteger snapshotThreads = new AtomicInteger();
    // Writes checkpoint state off the task threads. A thread per write in progress (idle ones end
    // after a minute): a fixed few made every task's write, and an overlapping checkpoint's, wait
    // behind the others', so a checkpoint took as long as the writes of all tasks in a row.
    this.snapshotExecutor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t =
                  new Thread(r, "strom-snapshots-" + index + "-" + snapshotThreads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** The threads that write tasks' checkpoint state. */
  Executor snapshotExecutor() {
    return snapshotExecutor;
  }

  public NetworkBufferPool bufferPool() {
    return bufferPool;
  }

  ScheduledExecutorService timerScheduler() {
    return timerScheduler;
  }

  public int numSlots() {
    return numSlots;
  }

  synchronized int freeSlots() {
    return freeSlots;
  }

  synchronized boolean allocate(int slots) {
    if (slots > freeSlots) {
      return false;
    }
    if (numSlots != Integer.MAX_VALUE) {
      freeSlots -= slots;
    }
    return true;
  }

  synchronized void release(int slots) {
    if (numSlots != Integer.MAX_VALUE) {
      freeSlots += slots;
    }
  }

  /** Starts a subtask on a thread of its own. */
  Thread start(StreamTask task) {
    Thread thread = new Thread(task, task.name());
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  @Override
  public void close() {
    timerScheduler.shutdownNow();
    snapshotExecutor.shutdownNow();
  }
}
