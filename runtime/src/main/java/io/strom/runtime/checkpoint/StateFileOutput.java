package io.strom.runtime.checkpoint;

import io.strom.serde.DataOutputView;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32;

/**
 * A state file being written: bytes stream through a bounded buffer to the file, so a snapshot of
 * any size needs only that buffer of heap, while the position (a long: files may pass 2 GB) and
 * the CRC-32 of everything written are kept up to date.
 *
 * <p>Used by one snapshot thread.
 */
public final class StateFileOutput extends DataOutputStream implements DataOutputView {
  /** Bytes between the writer and the file. */
  static final int BUFFER_BYTES = 256 * 1024;

  private final Counting counting;

  StateFileOutput(OutputStream file) {
    this(new Counting(new BufferedOutputStream(file, BUFFER_BYTES)));
  }

  private StateFileOutput(Counting counting) {
    super(counting);
    this.counting = counting;
  }

  /** The number of bytes written so far: where the next byte lands in the file. */
  public long position() {
    return counting.count;
  }

  long crc32() {
    return counting.crc.getValue();
  }

  /** Counts and checksums the bytes on their way to the buffer. */
  private static final class Counting extends FilterOutputStream {
    final CRC32 crc = new CRC32();
    long count;

    Counting(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      crc.update(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      crc.update(b, off, len);
      count += len;
    }
  }
}
