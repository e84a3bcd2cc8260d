package io.strom.runtime.checkpoint;

import io.strom.serde.DataOutputSerializer;
import io.strom.serde.DataOutputView;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32;

/**
 * A state file being written: bytes stream through a bounded buffer to the file, so a snapshot of
 * any size needs only that buffer of heap, while the position (a long: files may pass 2 GB) and
 * the CRC-32 of everything written are kept up to date. Values are encoded exactly as {@link
 * DataOutputSerializer} encodes them (its strings differ from {@link java.io.DataOutputStream}'s),
 * since restores read state files with its counterpart.
 *
 * <p>Used by one snapshot thread.
 */
public final class StateFileOutput implements DataOutputView, AutoCloseable {
  /** Bytes between the writer and the file. */
  static final int BUFFER_BYTES = 256 * 1024;

  private final OutputStream out;
  private final CRC32 crc = new CRC32();
  /** Encodes one value at a time, so the encoding is the serializer's own. */
  private final DataOutputSerializer value = new DataOutputSerializer(64);
  private long position;

  StateFileOutput(OutputStream file) {
    this.out = new BufferedOutputStream(file, BUFFER_BYTES);
  }

  /** The number of bytes written so far: where the next byte lands in the file. */
  public long position() {
    return position;
  }

  long crc32() {
    return crc.getValue();
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
    crc.update(b, off, len);
    position += len;
  }

  @Override
  public void write(byte[] b) throws IOException {
    write(b, 0, b.length);
  }

  @Override
  public void write(int b) throws IOException {
    out.write(b);
    crc.update(b);
    position++;
  }

  /** Writes what {@link #value} holds and clears it. */
  private void flushValue() throws IOException {
    write(value.buffer(), 0, value.length());
    value.clear();
  }

  @Override
  public void writeBoolean(boolean v) throws IOException {
    value.writeBoolean(v);
    flushValue();
  }

  @Override
  public void writeByte(int v) throws IOException {
    write(v);
  }

  @Override
  public void writeShort(int v) throws IOException {
    value.writeShort(v);
    flushValue();
  }

  @Override
  public void writeChar(int v) throws IOException {
    value.writeChar(v);
    flushValue();
  }

  @Override
  public void writeInt(int v) throws IOException {
    value.writeInt(v);
    flushValue();
  }

  @Override
  public void writeLong(long v) throws IOException {
    value.writeLong(v);
    flushValue();
  }

  @Override
  public void writeFloat(float v) throws IOException {
    value.writeFloat(v);
    flushValue();
  }

  @Override
  public void writeDouble(double v) throws IOException {
    value.writeDouble(v);
    flushValue();
  }

  @Override
  public void writeBytes(String s) throws IOException {
    value.writeBytes(s);
    flushValue();
  }

  @Override
  public void writeChars(String s) throws IOException {
    value.writeChars(s);
    flushValue();
  }

  @Override
  public void writeUTF(String s) throws IOException {
    value.writeUTF(s);
    flushValue();
  }

  @Override
  public void writeVarInt(int v) throws IOException {
    value.writeVarInt(v);
    flushValue();
  }

  /** Pushes the buffered bytes to the file. */
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
