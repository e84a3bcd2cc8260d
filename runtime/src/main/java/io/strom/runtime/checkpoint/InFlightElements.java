package io.strom.runtime.checkpoint;

import io.strom.serde.DataInputDeserializer;
import io.strom.serde.DataOutputSerializer;
import java.io.IOException;

/**
 * The layout of one element of in-flight data (see {@link StateAssignment#IN_FLIGHT_STATE_PREFIX}):
 * the position of the channel's edge among the edges of its input, then the channel's bytes,
 * framed elements as on the wire.
 */
public final class InFlightElements {
  private InFlightElements() {}

  /** Where an element's frames start. */
  public static final int FRAMES_OFFSET = 4;

  /** An element holding {@code length} bytes of frames from {@code offset} of {@code frames}. */
  public static byte[] encode(int edge, byte[] frames, int offset, int length) {
    DataOutputSerializer out = new DataOutputSerializer(length + FRAMES_OFFSET);
    out.writeInt(edge);
    out.write(frames, offset, length);
    byte[] bytes = new byte[out.length()];
    System.arraycopy(out.buffer(), 0, bytes, 0, bytes.length);
    return bytes;
  }

  /** The edge position an element was captured from. */
  public static int edgeOf(byte[] element) throws IOException {
    return new DataInputDeserializer(element).readInt();
  }

  /** The length of the frame that starts at {@code position}, its 4-byte length field included. */
  public static int frameLength(byte[] element, int position) {
    return 4 + (((element[position] & 0xFF) << 24) | ((element[position + 1] & 0xFF) << 16)
        | ((element[position + 2] & 0xFF) << 8) | (element[position + 3] & 0xFF));
  }
}
