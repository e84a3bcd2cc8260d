package io.strom.runtime.network;

/**
 * A filled network buffer in flight from a producer to one input channel of a consumer. The
 * consumer recycles it when read, which hands the segment back to the producer's pool.
 */
public final class Buffer {
  private final byte[] segment;
  private final int size;
  private final PartitionBufferPool owner;
  int channel;
  boolean priority;
  // The checkpoint whose barrier this buffer carries, or -1 for a buffer of data.
  private long barrierOf = -1;

  Buffer(byte[] segment, int size, PartitionBufferPool owner) {
    this.segment = segment;
    this.size = size;
    this.owner = owner;
  }

  /**
   * A buffer outside any pool, for small events (checkpoint barriers) that must never wait for a
   * pooled buffer. Recycling it does nothing; its bytes must not change once sent.
   */
  static Buffer unpooled(byte[] bytes, int size) {
    return new Buffer(bytes, size, null);
  }

  /** An unpooled buffer carrying the barrier of checkpoint {@code checkpointId}. */
  static Buffer barrier(byte[] frame, long checkpointId) {
    Buffer buffer = unpooled(frame, frame.length);
    buffer.barrierOf = checkpointId;
    return buffer;
  }

  /** Whether this buffer carries the barrier of checkpoint {@code checkpointId}. */
  boolean isBarrierOf(long checkpointId) {
    return barrierOf >= 0 && barrierOf == checkpointId;
  }

  public byte[] segment() {
    return segment;
  }

  public int size() {
    return size;
  }

  /** The input channel of the consuming gate this buffer arrived on. */
  public int channel() {
    return channel;
  }

  /**
   * Whether this is an unaligned checkpoint barrier that overtook the buffers queued on its
   * channel (see {@link InputGate#addPriorityBarrier}).
   */
  public boolean isPriority() {
    return priority;
  }

  /** Returns the segment to its producer. Call exactly once. */
  public void recycle() {
    if (owner != null) {
      owner.recycle(segment);
    }
  }
}
