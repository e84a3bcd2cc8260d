package io.strom.runtime.tasks;

import io.strom.runtime.checkpoint.CheckpointBarrier;
import io.strom.runtime.network.Buffer;
import io.strom.runtime.network.ChannelDeserializer;
import io.strom.runtime.network.ElementKind;
import io.strom.runtime.network.InputGate;
import io.strom.runtime.operators.Output;
import io.strom.serde.DataInputDeserializer;
import io.strom.serde.TypeSerializer;
import java.io.IOException;
import java.util.ArrayDeque;

/**
 * Reads one input gate of a task: deserializes the elements of each buffer, hands records to the
 * head operator, combines the channels' watermarks and idleness before passing them on, and hands
 * checkpoint barriers and ends of channels to the task's {@link BarrierAligner}.
 *
 * <p>When a barrier blocks its channel, reading of that channel stops right after the barrier; the
 * rest of its buffer is read first once the channel is unblocked.
 *
 * <p>Called only on the task's thread.
 */
final class GateReader<IN> {

  /** Where the elements of this gate go. */
  interface Handler<IN> extends WatermarkCombiner.Listener {
    void processElement(IN record, long timestamp) throws Exception;
  }

  private final InputGate gate;
  private final ChannelDeserializer[] deserializers;
  private final TypeSerializer<IN>[] serializers;
  private final WatermarkCombiner combiner;
  private final Handler<IN> handler;
  private final BarrierAligner barriers;
  private final int channelOffset;
  // Channels whose buffer was left part-read at a barrier that blocked them.
  private final ArrayDeque<Integer> suspended = new ArrayDeque<>();
  private int finishedChannels;

  /**
   * @param barriers the task's barrier aligner
   * @param channelOffset the aligner's number of this gate's first channel
   */
  GateReader(
      InputGate gate,
      TypeSerializer<IN>[] serializers,
      Handler<IN> handler,
      BarrierAligner barriers,
      int channelOffset) {
    this.gate = gate;
    this.barriers = barriers;
    this.channelOffset = channelOffset;
    this.serializers = serializers;
    this.handler = handler;
    this.deserializers = new ChannelDeserializer[gate.numChannels()];
    for (int i = 0; i < deserializers.length; i++) {
      deserializers[i] = new ChannelDeserializer();
    }
    this.combiner = new WatermarkCombiner(gate.numChannels(), handler);
  }

  boolean isFinished() {
    return finishedChannels == deserializers.length;
  }

  /** Reads one buffer (or the rest of one) if one is available; returns false when none was. */
  boolean readBuffer() throws Exception {
    int channel = resumableChannel();
    if (channel < 0) {
      Buffer buffer = gate.poll();
      if (buffer == null) {
        return false;
      }
      channel = buffer.channel();
      deserializers[channel].setBuffer(buffer);
    }
    readElements(channel);
    return true;
  }

  /** A suspended channel that is no longer blocked, or -1. */
  private int resumableChannel() {
    for (int i = 0, n = suspended.size(); i < n; i++) {
      int channel = suspended.poll();
      if (!gate.isBlocked(channel)) {
        return channel;
      }
      suspended.add(channel);
    }
    return -1;
  }

  private void readElements(int channel) throws Exception {
    ChannelDeserializer deserializer = deserializers[channel];
    TypeSerializer<IN> serializer = serializers[channel];
    while (deserializer.next()) {
      DataInputDeserializer view = deserializer.view();
      byte kind = view.readByte();
      switch (kind) {
        case ElementKind.RECORD:
          handler.processElement(serializer.deserialize(view), Output.NO_TIMESTAMP);
          break;
        case ElementKind.TIMESTAMPED_RECORD: {
          long timestamp = view.readLong();
          handler.processElement(serializer.deserialize(view), timestamp);
          break;
        }
        case ElementKind.WATERMARK:
          combiner.updateWatermark(channel, view.readLong());
          break;
        case ElementKind.WATERMARK_STATUS:
          combiner.updateStatus(channel, view.readByte() != 0);
          break;
        case ElementKind.END_OF_PARTITION:
          finishedChannels++;
          combiner.finishInput(channel);
          barriers.processEndOfPartition(channelOffset + channel);
          break;
        case ElementKind.CHECKPOINT_BARRIER: {
          CheckpointBarrier barrier = new CheckpointBarrier(view.readLong(), view.readLong(), view.readBoolean());
          barriers.processBarrier(channelOffset + channel, barrier);
          if (gate.isBlocked(channel)) {
            if (deserializer.hasBuffer()) {
              suspended.add(channel);
            }
            return;
          }
          break;
        }
        default:
          throw new IOException("Corrupt network data: unknown element kind " + kind);
      }
    }
  }

  void release() {
    for (ChannelDeserializer d : deserializers) {
      d.release();
    }
    gate.release();
  }
}
