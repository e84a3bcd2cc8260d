package io.strom.runtime.network;

import java.util.ArrayDeque;

/**
 * The receiving end of one input of a consumer subtask: one queue of buffers per channel (one
 * channel per producing subtask of each edge feeding this input), and a queue of channels that have
 * data so the consumer serves them in turn. Producers add from their threads; the consumer polls
 * from its own.
 */
public final class InputGate {
  private final ArrayDeque<Buffer>[] queues;
  private final boolean[] enqueued;
  private final ArrayDeque<Integer> channelsWithData = new ArrayDeque<>();
  private Runnable dataListener = () -> {};
  private boolean released;

  @SuppressWarnings("unchecked")
  public InputGate(int numChannels) {
    queues = new ArrayDeque[numChannels];
    for (int i = 0; i < numChannels; i++) {
      queues[i] = new ArrayDeque<>();
    }
    enqueued = new boolean[numChannels];
  }

  public int numChannels() {
    return queues.length;
  }

  /** Called when data arrives at an empty gate; the consumer task wakes up on it. */
  public synchronized void setDataListener(Runnable listener) {
    this.dataListener = listener;
  }

  /** Adds a buffer from a producer. After {@link #release()} the buffer is recycled at once. */
  public void add(int channel, Buffer buffer) {
    Runnable listener;
    synchronized (this) {
      if (released) {
        listener = null;
      } else {
        buffer.channel = channel;
        queues[channel].add(buffer);
        if (!enqueued[channel]) {
          enqueued[channel] = true;
          channelsWithData.add(channel);
        }
        listener = dataListener;
      }
    }
    if (listener == null) {
      buffer.recycle();
    } else {
      listener.run();
    }
  }

  /** The next buffer, taking channels in turn, or null when none is queued. */
  public synchronized Buffer poll() {
    Integer channel = channelsWithData.poll();
    if (channel == null) {
      return null;
    }
    ArrayDeque<Buffer> queue = queues[channel];
    Buffer buffer = queue.poll();
    if (queue.isEmpty()) {
      enqueued[channel] = false;
    } else {
      channelsWithData.add(channel);
    }
    return buffer;
  }

  /** Buffers queued in all channels. */
  public synchronized int queuedBuffers() {
    int n = 0;
    for (ArrayDeque<Buffer> q : queues) {
      n += q.size();
    }
    return n;
  }

  /** Drops and recycles everything queued; later arrivals are recycled at once. */
  public void release() {
    ArrayDeque<Buffer> toRecycle = new ArrayDeque<>();
    synchronized (this) {
      released = true;
      for (ArrayDeque<Buffer> q : queues) {
        toRecycle.addAll(q);
        q.clear();
      }
      channelsWithData.clear();
    }
    toRecycle.forEach(Buffer::recycle);
  }
}
