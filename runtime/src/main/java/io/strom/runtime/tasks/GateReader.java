package io.strom.runtime.tasks;

import io.strom.runtime.checkpoint.CheckpointBarrier;
import io.strom.runtime.checkpoint.InFlightElements;
import io.strom.runtime.network.Buffer;
import io.strom.runtime.network.ChannelDeserializer;
import io.strom.runtime.network.ElementKind;
import io.strom.runtime.network.InputGate;
import io.strom.runtime.operators.Output;
import io.strom.serde.DataInputDeserializer;
import io.strom.serde.TypeSerializer;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.function.IntPredicate;

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
  private final int inputIndex;
  private final int[] edgeOfChannel;
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
    this(gate, serializers, handler, barriers, channelOffset, 0, new int[gate.numChannels()]);
  }

  /**
   * @param inputIndex which input of the head operator this gate feeds
   * @param edgeOfChannel per channel, the position of its edge among the edges of the input;
   *     in-flight data is kept per edge, so that it restores when a producer's parallelism changed
   */
  GateReader(
      InputGate gate,
      TypeSerializer<IN>[] serializers,
      Handler<IN> handler,
      BarrierAligner barriers,
      int channelOffset,
      int inputIndex,
      int[] edgeOfChannel) {
    this.inputIndex = inputIndex;
    this.edgeOfChannel = edgeOfChannel;
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
    barriers.register(this);
  }

  int inputIndex() {
    return inputIndex;
  }

  int edgeOfChannel(int channel) {
    return edgeOfChannel[channel];
  }

  boolean isFinished() {
    return finishedChannels == deserializers.length;
  }

  /** Reads one buffer (or the rest of one) if one is available; returns false when none was. */
  boolean readBuffer() throws Exception {
    if (readPriorityEvent()) {
      return true;
    }
    int channel = resumableChannel();
    if (channel < 0) {
      Buffer buffer = gate.poll();
      if (buffer == null) {
        return false;
      }
      channel = buffer.channel();
      if (buffer.isPriority()) {
        processPriorityBarrier(buffer);
        return true;
      }
      deserializers[channel].setBuffer(buffer);
    }
    readElements(channel);
    return true;
  }

  /**
   * Handles the next barrier of an unaligned checkpoint, if one overtook this gate's buffers; also
   * while the task's outputs are full. Returns whether there was one.
   */
  boolean readPriorityEvent() throws Exception {
    Buffer barrier = gate.pollPriority();
    if (barrier == null) {
      return false;
    }
    processPriorityBarrier(barrier);
    return true;
  }

  private void processPriorityBarrier(Buffer buffer) throws Exception {
    DataInputDeserializer view = new DataInputDeserializer();
    // Frame: length, tag, then the barrier's body.
    view.setBuffer(buffer.segment(), 5, buffer.size() - 5);
    CheckpointBarrier barrier =
        new CheckpointBarrier(view.readLong(), view.readLong(), view.readBoolean());
    buffer.recycle();
    barriers.processPriorityBarrier(channelOffset + buffer.channel(), barrier);
  }

  /**
   * Starts keeping this gate's in-flight data for an unaligned checkpoint (see InputGate), except
   * on the channels whose barrier was read already.
   *
   * @param barrierRead by the aligner's channel number
   */
  void startCapture(long checkpointId, IntPredicate barrierRead) {
    byte[][] unread = new byte[deserializers.length][];
    for (int c = 0; c < unread.length; c++) {
      unread[c] = deserializers[c].unreadBytes();
    }
    gate.startCapture(checkpointId, unread, c -> barrierRead.test(channelOffset + c));
  }

  /** This gate's in-flight data of a checkpoint, per channel, or null if it was not captured. */
  byte[][] finishCapture(long checkpointId) {
    return gate.finishCapture(checkpointId);
  }

  void abortCapture() {
    gate.abortCapture();
  }

  /**
   * Feeds the records of in-flight data restored from an unaligned checkpoint to the operator, as
   * if they had just arrived. Watermarks and other events among them are dropped: after a restore,
   * event time starts again from the sources.
   */
  void replay(byte[] frames, int offset, TypeSerializer<IN> serializer) throws Exception {
    DataInputDeserializer view = new DataInputDeserializer();
    int position = offset;
    while (position < frames.length) {
      int length = InFlightElements.frameLength(frames, position);
      view.setBuffer(frames, position + 4, length - 4);
      position += length;
      byte kind = view.readByte();
      if (kind == ElementKind.RECORD) {
        handler.processElement(serializer.deserialize(view), Output.NO_TIMESTAMP);
      } else if (kind == ElementKind.TIMESTAMPED_RECORD) {
        long timestamp = view.readLong();
        handler.processElement(serializer.deserialize(view), timestamp);
      }
    }
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
