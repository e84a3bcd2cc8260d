package io.strom.runtime.network;

import java.util.ArrayDeque;
import java.util.List;

/**
 * The buffers one task output owns exclusively, taken from the {@link NetworkBufferPool} when the
 * task starts. When all are in flight the producer waits for a consumer to recycle one: this is
 * backpressure, and it bounds memory. Requests come from the producer's thread; recycling from
 * consumers' threads.
 */
public final class PartitionBufferPool {
  private final NetworkBufferPool global;
  private final int capacity;
  private final ArrayDeque<byte[]> free;
  private Runnable availabilityListener = () -> {};
  private boolean destroyed;

  public PartitionBufferPool(NetworkBufferPool global, int capacity, String owner) {
    this.global = global;
    this.capacity = capacity;
    this.free = new ArrayDeque<>(global.reserve(capacity, owner));
  }

  public int capacity() {
    return capacity;
  }

  public int segmentSize() {
    return global.segmentSize();
  }

  /** Buffers currently held by the producer or in flight to consumers. */
  public synchronized int inUse() {
    return capacity - free.size();
  }

  public synchronized boolean isAvailable() {
    return !free.isEmpty();
  }

  /** Called (on a consumer's thread) whenever a buffer comes back. */
  public synchronized void setAvailabilityListener(Runnable listener) {
    this.availabilityListener = listener;
  }

  /** Takes a free segment, waiting for one to be recycled if all are in flight. */
  public byte[] requestSegment() throws InterruptedException {
    synchronized (this) {
      while (free.isEmpty()) {
        if (destroyed) {
          throw new IllegalStateException("Buffer pool was released");
        }
        wait();
      }
      return free.poll();
    }
  }

  Buffer wrap(byte[] segment, int size) {
    return new Buffer(segment, size, this);
  }

  void recycle(byte[] segment) {
    Runnable listener;
    synchronized (this) {
      if (destroyed) {
        global.release(segment);
        return;
      }
      free.add(segment);
      notifyAll();
      listener = availabilityListener;
    }
    listener.run();
  }

  /** Returns the free segments now, and in-flight ones as they are recycled. */
  public void destroy() {
    List<byte[]> toRelease;
    synchronized (this) {
      if (destroyed) {
        return;
      }
      destroyed = true;
      toRelease = List.copyOf(free);
      free.clear();
      notifyAll();
    }
    toRelease.forEach(global::release);
  }
}
