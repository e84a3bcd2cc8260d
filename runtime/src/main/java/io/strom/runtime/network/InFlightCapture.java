package io.strom.runtime.network;

import java.io.ByteArrayOutputStream;

/**
 * The bytes of one input gate that an unaligned checkpoint must keep: per channel, everything the
 * consumer had not read when it took its snapshot, up to that channel's barrier. A channel stays
 * open (later buffers are appended as they arrive) until its barrier arrives.
 *
 * <p>Guarded by the lock of its {@link InputGate}.
 */
final class InFlightCapture {
  private final long checkpointId;
  private final ByteArrayOutputStream[] channels;
  private final boolean[] open;

  InFlightCapture(long checkpointId, int numChannels) {
    this.checkpointId = checkpointId;
    this.channels = new ByteArrayOutputStream[numChannels];
    this.open = new boolean[numChannels];
    for (int i = 0; i < numChannels; i++) {
      channels[i] = new ByteArrayOutputStream();
      open[i] = true;
    }
  }

  long checkpointId() {
    return checkpointId;
  }

  boolean isOpen(int channel) {
    return open[channel];
  }

  void close(int channel) {
    open[channel] = false;
  }

  void append(int channel, byte[] bytes, int length) {
    channels[channel].write(bytes, 0, length);
  }

  /** The captured bytes of each channel: whole elements, framed as on the wire. */
  byte[][] bytes() {
    byte[][] result = new byte[channels.length][];
    for (int i = 0; i < channels.length; i++) {
      result[i] = channels[i].toByteArray();
    }
    return result;
  }
}
