package io.strom.runtime.tasks;

import io.strom.runtime.network.Buffer;
import io.strom.runtime.network.ChannelDeserializer;
import io.strom.runtime.network.ElementKind;
import io.strom.runtime.network.InputGate;
import io.strom.runtime.operators.Output;
import io.strom.serde.DataInputDeserializer;
import io.strom.serde.TypeSerializer;
import java.io.IOException;

/**
 * Reads one input gate of a task: deserializes the elements of each buffer, hands records to the
 * head operator, and combines the channels' watermarks and idleness before passing them on.
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
  private int finishedChannels;

  GateReader(InputGate gate, TypeSerializer<IN>[] serializers, Handler<IN> handler) {
    this.gate = gate;
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

  /** Reads one buffer if one is queued; returns false when none was. */
  boolean readBuffer() throws Exception {
    Buffer buffer = gate.poll();
    if (buffer == null) {
      return false;
    }
    int channel = buffer.channel();
    ChannelDeserializer deserializer = deserializers[channel];
    TypeSerializer<IN> serializer = serializers[channel];
    deserializer.setBuffer(buffer);
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
          break;
        default:
          throw new IOException("Corrupt network data: unknown element kind " + kind);
      }
    }
    return true;
  }

  void release() {
    for (ChannelDeserializer d : deserializers) {
      d.release();
    }
    gate.release();
  }
}
