package io.strom.serde;

import java.io.DataOutput;
import java.io.IOException;

/** A sink of binary data that serializers write to. Numbers are big-endian. */
public interface DataOutputView extends DataOutput {

  /** Writes a non-negative int in 1 to 5 bytes, 7 bits at a time. */
  default void writeVarInt(int value) throws IOException {
    int v = value;
    while ((v & ~0x7F) != 0) {
      writeByte((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    writeByte(v);
  }
}
