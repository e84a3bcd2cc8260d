package io.strom.runtime.network;

import io.strom.runtime.checkpoint.CheckpointBarrier;
import io.strom.runtime.graph.StreamPartitioner;
import io.strom.serde.DataOutputSerializer;
import io.strom.serde.TypeSerializer;
import java.io.IOException;

/**
 * The sending end of one exchange in one producer subtask: serializes records and events, picks
 * the channel with the partitioner, and fills buffers per channel. Full buffers are sent at once;
 * partly filled ones on {@link #flushAll()} (the task calls it every {@code execution.buffer-timeout}).
 *
 * <p>Called only on the producer task's thread.
 */
public final class RecordWriter<T> {
  private final TypeSerializer<T> serializer;
  private final StreamPartitioner<T> partitioner;
  private final ChannelTarget[] targets;
  private final PartitionBufferPool pool;
  private final boolean flushEveryRecord;
  private final DataOutputSerializer scratch = new DataOutputSerializer(256);
  private final byte[][] segments;
  private final int[] positions;
  private final int segmentSize;

  public RecordWriter(
      TypeSerializer<T> serializer,
      StreamPartitioner<T> partitioner,
      ChannelTarget[] targets,
      PartitionBufferPool pool,
      boolean flushEveryRecord) {
    this.serializer = serializer;
    this.partitioner = partitioner;
    this.targets = targets;
    this.pool = pool;
    this.flushEveryRecord = flushEveryRecord;
    this.segments = new byte[targets.length][];
    this.positions = new int[targets.length];
    this.segmentSize = pool.segmentSize();
  }

  public PartitionBufferPool pool() {
    return pool;
  }

  public int numChannels() {
    return targets.length;
  }

  public void emit(T record, long timestamp) throws Exception {
    scratch.clear();
    scratch.writeInt(0);
    if (timestamp == Long.MIN_VALUE) {
      scratch.writeByte(ElementKind.RECORD);
    } else {
      scratch.writeByte(ElementKind.TIMESTAMPED_RECORD);
      scratch.writeLong(timestamp);
    }
    serializer.serialize(record, scratch);
    scratch.writeIntAt(0, scratch.length() - 4);
    if (partitioner.isBroadcast()) {
      for (int i = 0; i < targets.length; i++) {
        copyToChannel(i);
      }
    } else {
      copyToChannel(targets.length == 1 ? 0 : partitioner.selectChannel(record, targets.length));
    }
  }

  public void emitWatermark(long watermark) throws IOException, InterruptedException {
    scratch.clear();
    scratch.writeInt(9);
    scratch.writeByte(ElementKind.WATERMARK);
    scratch.writeLong(watermark);
    broadcastScratch();
  }

  public void emitWatermarkStatus(boolean idle) throws IOException, InterruptedException {
    scratch.clear();
    scratch.writeInt(2);
    scratch.writeByte(ElementKind.WATERMARK_STATUS);
    scratch.writeByte(idle ? 1 : 0);
    broadcastScratch();
  }

  /**
   * Sends a checkpoint barrier on every channel now. What each channel holds is sent first, then the
   * barrier in a buffer of its own that does not come from the pool: a consumer aligning on this
   * barrier may hold back this output's pooled buffers, so waiting for one here could deadlock,
   * and a barrier left in a partly filled buffer would delay every consumer's alignment.
   */
  public void broadcastBarrier(CheckpointBarrier barrier) {
    broadcastBarrier(barrier, false);
  }

  /**
   * Sends a checkpoint barrier on every channel now, as above. With {@code overtake} (unaligned
   * checkpoints) the barrier goes ahead of the buffers already queued at each consumer, which keeps
   * those as the checkpoint's in-flight data.
   */
  public void broadcastBarrier(CheckpointBarrier barrier, boolean overtake) {
    byte[] frame = new byte[4 + 1 + 17];
    scratch.clear();
    scratch.writeInt(18);
    scratch.writeByte(ElementKind.CHECKPOINT_BARRIER);
    scratch.writeLong(barrier.checkpointId());
    scratch.writeLong(barrier.timestamp());
    scratch.writeBoolean(barrier.savepoint());
    System.arraycopy(scratch.buffer(), 0, frame, 0, frame.length);
    for (int i = 0; i < targets.length; i++) {
      flush(i);
      // Consumers only read the frame, so every channel may share it.
      Buffer buffer = Buffer.barrier(frame, barrier.checkpointId());
      if (overtake) {
        targets[i].gate().addPriorityBarrier(targets[i].channel(), barrier.checkpointId(), buffer);
      } else {
        targets[i].gate().add(targets[i].channel(), buffer);
      }
    }
  }

  /** Sends the barrier of a checkpoint (not a savepoint) on every channel; see above. */
  public void broadcastBarrier(long checkpointId, long timestamp) {
    broadcastBarrier(new CheckpointBarrier(checkpointId, timestamp));
  }

  /** Sends end-of-partition on every channel and flushes: the consumers see this output end. */
  public void finish() throws IOException, InterruptedException {
    scratch.clear();
    scratch.writeInt(1);
    scratch.writeByte(ElementKind.END_OF_PARTITION);
    for (int i = 0; i < targets.length; i++) {
      copyToChannel(i);
      flush(i);
    }
  }

  private void broadcastScratch() throws InterruptedException {
    for (int i = 0; i < targets.length; i++) {
      copyToChannel(i);
    }
  }

  /** Appends the framed element in {@code scratch} to channel {@code c}, spanning buffers. */
  private void copyToChannel(int c) throws InterruptedException {
    byte[] data = scratch.buffer();
    int remaining = scratch.length();
    int offset = 0;
    while (remaining > 0) {
      byte[] segment = segments[c];
      if (segment == null) {
        segment = pool.requestSegment();
        segments[c] = segment;
        positions[c] = 0;
      }
      int n = Math.min(remaining, segmentSize - positions[c]);
      System.arraycopy(data, offset, segment, positions[c], n);
      positions[c] += n;
      offset += n;
      remaining -= n;
      if (positions[c] == segmentSize) {
        flush(c);
      }
    }
    if (flushEveryRecord) {
      flush(c);
    }
  }

  /** Sends the partly filled buffer of every channel. */
  public void flushAll() {
    for (int i = 0; i < targets.length; i++) {
      flush(i);
    }
  }

  private void flush(int c) {
    byte[] segment = segments[c];
    if (segment == null || positions[c] == 0) {
      return;
    }
    segments[c] = null;
    ChannelTarget target = targets[c];
    target.gate().add(target.channel(), pool.wrap(segment, positions[c]));
  }

  /** Returns unsent buffers to the pool (after failure or cancellation). */
  public void releaseUnsent() {
    for (int i = 0; i < targets.length; i++) {
      if (segments[i] != null) {
        pool.wrap(segments[i], 0).recycle();
        segments[i] = null;
      }
    }
  }
}
