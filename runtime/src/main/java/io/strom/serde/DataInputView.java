package io.strom.serde;

import java.io.DataInput;
import java.io.IOException;

/** A source of binary data that serializers read from. Numbers are big-endian. */
public interface DataInputView extends DataInput {

  /** Reads an int written by {@link DataOutputView#writeVarInt(int)}. */
  default int readVarInt() throws IOException {
    int result = 0;
    int shift = 0;
    while (true) {
      int b = readUnsignedByte();
      result |= (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return result;
      }
      shift += 7;
      if (shift > 28) {
        throw new IOException("Malformed variable-length int");
      }
    }
  }
}
