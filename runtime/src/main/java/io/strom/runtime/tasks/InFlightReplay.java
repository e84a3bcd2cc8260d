package io.strom.runtime.tasks;

import io.strom.serde.TypeSerializer;
import java.io.IOException;
import java.util.List;

/** Feeds the in-flight data of a restored unaligned checkpoint to a gate's operator input. */
final class InFlightReplay {
  private InFlightReplay() {}

  /**
   * Replays each element (one channel's bytes) with the serializer of the edge it came over.
   *
   * @param serializers per channel of the gate
   * @param edgeOfChannel per channel of the gate, its edge's position
   */
  static <IN> void replay(
      List<byte[]> elements, GateReader<IN> reader, TypeSerializer<IN>[] serializers,
      int[] edgeOfChannel) throws Exception {
    for (byte[] element : elements) {
      int edge = InFlightData.edgeOf(element);
      TypeSerializer<IN> serializer = serializerOf(edge, serializers, edgeOfChannel);
      reader.replay(element, InFlightData.FRAMES_OFFSET, serializer);
    }
  }

  private static <IN> TypeSerializer<IN> serializerOf(
      int edge, TypeSerializer<IN>[] serializers, int[] edgeOfChannel) throws IOException {
    for (int c = 0; c < edgeOfChannel.length; c++) {
      if (edgeOfChannel[c] == edge) {
        return serializers[c];
      }
    }
    throw new IOException(
        "The checkpoint holds in-flight data of input edge " + edge + ", which the job does not"
            + " have: restore it with the program or query that took it");
  }
}
