package io.strom.runtime.network;

import java.util.ArrayDeque;

/**
 * The receiving end of one input of a consumer subtask: one queue of buffers per channel (one
 * channel per producing subtask of each edge feeding this input), and a queue of channels that have
 * data so the consumer serves them in turn. Producers add from their threads; the consumer polls
 * from its own.
 *
 * <p>The consumer may block a channel while it aligns checkpoint barriers: a blocked channel's
 * buffers stay queued and are not polled until it is unblocked.
 */
public final class InputGate {
  private final ArrayDeque<Buffer>[] queues;
  private final boolean[] enqueued;
  private final boolean[] blocked;
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
    blocked = new boolean[numChannels];
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
        if (!enqueued[channel] && !blocked[channel]) {
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
    while (channel != null && blocked[channel]) {
      // Leaves the rotation; unblocking puts it back.
      enqueued[channel] = false;
      channel = channelsWithData.poll();
    }
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

  /** Stops handing out the channel's buffers; they stay queued. Called on the consumer's thread. */
  public synchronized void blockChannel(int channel) {
    blocked[channel] = true;
  }

  /** Hands out the channel's buffers again, queued ones first. Called on the consumer's thread. */
  public synchronized void unblockChannel(int channel) {
    blocked[channel] = false;
    if (!enqueued[channel] && !queues[channel].isEmpty()) {
      enqueued[channel] = true;
      channelsWithData.add(channel);
    }
  }

  public synchronized boolean isBlocked(int channel) {
    return blocked[channel];
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
