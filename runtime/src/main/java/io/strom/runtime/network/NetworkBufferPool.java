package io.strom.runtime.network;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The task manager's fixed pool of network buffers, allocated once at start. Every exchange draws
 * its buffers from here when its task starts and returns them when it ends, so the memory used by
 * exchanges is set by configuration, not by load. Thread-safe.
 */
public final class NetworkBufferPool {
  private final int segmentSize;
  private final int totalSegments;
  private final ArrayDeque<byte[]> free;

  public NetworkBufferPool(int totalSegments, int segmentSize) {
    if (totalSegments < 1 || segmentSize < 64) {
      throw new IllegalArgumentException(
          "Need at least one network buffer of at least 64 bytes, got " + totalSegments + " x "
              + segmentSize);
    }
    this.segmentSize = segmentSize;
    this.totalSegments = totalSegments;
    this.free = new ArrayDeque<>(totalSegments);
    for (int i = 0; i < totalSegments; i++) {
      free.add(new byte[segmentSize]);
    }
  }

  public int segmentSize() {
    return segmentSize;
  }

  public int totalSegments() {
    return totalSegments;
  }

  public synchronized int availableSegments() {
    return free.size();
  }

  /**
   * Takes {@code count} segments for the exclusive use of one output.
   *
   * @throws InsufficientBuffersException when the pool does not have that many left
   */
  public synchronized List<byte[]> reserve(int count, String owner) {
    if (free.size() < count) {
      throw new InsufficientBuffersException(
          owner + " needs " + count + " network buffers but only " + free.size() + " of "
              + totalSegments + " are free. Raise 'taskmanager.memory.network.max' or lower the"
              + " parallelism.");
    }
    List<byte[]> segments = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      segments.add(free.poll());
    }
    return segments;
  }

  public synchronized void release(byte[] segment) {
    if (segment.length != segmentSize) {
      throw new IllegalArgumentException("Segment does not belong to this pool");
    }
    free.add(segment);
  }

  /** Raised when a job needs more network buffers than the configuration provides. */
  public static final class InsufficientBuffersException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InsufficientBuffersException(String message) {
      super(message);
    }
  }
}
