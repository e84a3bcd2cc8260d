package io.strom.runtime.network;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * The receiving end of one input of a consumer subtask: one queue of buffers per channel (one
 * channel per producing subtask of each edge feeding this input), and a queue of channels that have
 * data so the consumer serves them in turn. Producers add from their threads; the consumer polls
 * from its own.
 *
 * <p>The consumer may block a channel while it aligns checkpoint barriers: a blocked channel's
 * buffers stay queued and are not polled until it is unblocked.
 *
 * <p>Barriers of unaligned checkpoints are priority events: they overtake the buffers queued on
 * their channel and are handed out before any buffer. The gate remembers how many buffers each one
 * overtook, and, once the consumer took its snapshot, captures the bytes the checkpoint must keep
 * ({@link #startCapture}): what was queued then, and what arrives on each channel until its
 * barrier does.
 */
public final class InputGate {
  private final ArrayDeque<Buffer>[] queues;
  private final boolean[] enqueued;
  private final boolean[] blocked;
  private final ArrayDeque<Integer> channelsWithData = new ArrayDeque<>();
  private final ArrayDeque<Buffer> priorityEvents = new ArrayDeque<>();
  // Per channel: the checkpoint of the last priority barrier, and the buffers queued ahead of it.
  private final long[] overtakenBy;
  private final int[] overtaken;
  private InFlightCapture capture;
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
    overtakenBy = new long[numChannels];
    overtaken = new int[numChannels];
    Arrays.fill(overtakenBy, -1);
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
        if (capture != null && capture.isOpen(channel)) {
          if (buffer.isBarrierOf(capture.checkpointId())) {
            // An aligned barrier of a checkpoint that turned unaligned: the channel's in-flight
            // data ends here.
            capture.close(channel);
          } else {
            capture.append(channel, buffer.segment(), buffer.size());
          }
        }
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

  /**
   * Adds the barrier of unaligned checkpoint {@code checkpointId} ahead of the buffers queued on
   * the channel: the consumer gets it before any other buffer. If the consumer already captures
   * that checkpoint's in-flight data, the channel's capture ends here; otherwise the gate notes how
   * many queued buffers the barrier overtook.
   */
  public void addPriorityBarrier(int channel, long checkpointId, Buffer barrier) {
    Runnable listener;
    synchronized (this) {
      if (released) {
        return;
      }
      barrier.channel = channel;
      barrier.priority = true;
      if (capture != null && capture.checkpointId() == checkpointId) {
        capture.close(channel);
      } else {
        overtakenBy[channel] = checkpointId;
        overtaken[channel] = queues[channel].size();
      }
      priorityEvents.add(barrier);
      listener = dataListener;
    }
    listener.run();
  }

  /** The next priority barrier, or null. */
  public synchronized Buffer pollPriority() {
    return priorityEvents.poll();
  }

  /**
   * Starts keeping the in-flight data of unaligned checkpoint {@code checkpointId}, at the moment
   * the consumer took its snapshot. Per channel: {@code unread[c]} (bytes the consumer took off the
   * queue but has not read), then the queued buffers up to the channel's barrier if it already
   * arrived, else all queued buffers and those that arrive until it does. Called on the consumer's
   * thread, before it polls another buffer.
   */
  public synchronized void startCapture(long checkpointId, byte[][] unread) {
    startCapture(checkpointId, unread, c -> false);
  }

  /**
   * As above, for a checkpoint that started aligned and turned unaligned: channels for which
   * {@code barrierRead} holds delivered their (aligned) barrier already, so nothing of theirs is
   * in flight; on the others the capture also ends at an aligned barrier of the checkpoint.
   */
  public synchronized void startCapture(
      long checkpointId, byte[][] unread, IntPredicate barrierRead) {
    capture = new InFlightCapture(checkpointId, queues.length);
    for (int c = 0; c < queues.length; c++) {
      if (barrierRead.test(c)) {
        capture.close(c);
        continue;
      }
      capture.append(c, unread[c], unread[c].length);
      int count = overtakenBy[c] == checkpointId ? overtaken[c] : Integer.MAX_VALUE;
      for (Buffer b : queues[c]) {
        if (count-- <= 0) {
          break;
        }
        if (b.isBarrierOf(checkpointId)) {
          capture.close(c);
          break;
        }
        capture.append(c, b.segment(), b.size());
      }
      if (overtakenBy[c] == checkpointId) {
        capture.close(c);
      }
    }
  }

  /**
   * Ends the capture of {@code checkpointId} and returns each channel's bytes, or null when this
   * gate was not capturing that checkpoint. Called on the consumer's thread.
   */
  public synchronized byte[][] finishCapture(long checkpointId) {
    InFlightCapture c = capture;
    if (c == null || c.checkpointId() != checkpointId) {
      return null;
    }
    capture = null;
    return c.bytes();
  }

  /** Drops a capture that can no longer complete. */
  public synchronized void abortCapture() {
    capture = null;
  }

  /** The next buffer (priority barriers first, then channels in turn), or null when none. */
  public synchronized Buffer poll() {
    Buffer event = priorityEvents.poll();
    if (event != null) {
      return event;
    }
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
      priorityEvents.clear();
      capture = null;
    }
    toRecycle.forEach(Buffer::recycle);
  }
}
