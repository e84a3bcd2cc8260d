package io.strom.format;

import io.strom.serde.DataOutputSerializer;
import java.io.OutputStream;

/**
 * An output stream that appends to the serializer of the record being encoded, so that encoders
 * built on stream APIs (Jackson, Avro) can keep one generator for their whole life.
 */
public final class SerializerOutputStream extends OutputStream {
  private DataOutputSerializer out;

  /** Directs the following writes to {@code target}. */
  public void target(DataOutputSerializer target) {
    this.out = target;
  }

  @Override
  public void write(int b) {
    out.write(b);
  }

  @Override
  public void write(byte[] b, int off, int len) {
    out.write(b, off, len);
  }
}
