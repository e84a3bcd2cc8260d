package io.strom.connector.filesystem;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Cuts a stream into lines ({@code \n} or {@code \r\n}) in one reused buffer, and can join the next
 * line to the current record when a record spans lines. Tracks line numbers for error messages.
 */
final class LineReader implements Closeable {
  private final InputStream in;
  private byte[] buf = new byte[64 * 1024];
  private int limit;
  private boolean eof;
  /** Start of the current record. */
  private int start;
  /** End of the current record, without its line break. */
  private int end;
  /** Position after the current record's line break: where the next line starts. */
  private int next;
  private long linesRead;
  private long recordLine;

  LineReader(InputStream in) {
    this.in = in;
  }

  byte[] buffer() {
    return buf;
  }

  int start() {
    return start;
  }

  int length() {
    return end - start;
  }

  /** The number (from 1) of the current record's first line. */
  long lineNumber() {
    return recordLine;
  }

  /** Moves to the next line as a new record; false at the end of the stream. */
  boolean nextRecord() throws IOException {
    start = next;
    end = next;
    if (!readLineEnd()) {
      return false;
    }
    recordLine = linesRead;
    return true;
  }

  /** Appends the next line, with the line break before it, to the current record; false at the end. */
  boolean joinNextLine() throws IOException {
    end = next;
    return readLineEnd();
  }

  /** Finds the line break after {@code end}; sets {@code end} and {@code next}. */
  private boolean readLineEnd() throws IOException {
    int scan = end;
    while (true) {
      for (; scan < limit; scan++) {
        if (buf[scan] == '\n') {
          end = scan > start && buf[scan - 1] == '\r' ? scan - 1 : scan;
          next = scan + 1;
          linesRead++;
          return true;
        }
      }
      if (!eof) {
        scan -= fill();
        continue;
      }
      if (scan == end) {
        return false; // nothing after the last line break
      }
      end = scan;
      next = scan;
      linesRead++;
      return true;
    }
  }

  /**
   * Moves the current record to the buffer's front (growing the buffer if full) and reads more,
   * setting {@link #eof} at the end of the stream. Returns how far the data moved.
   */
  private int fill() throws IOException {
    int shift = start;
    if (shift > 0) {
      System.arraycopy(buf, start, buf, 0, limit - start);
      limit -= shift;
      start = 0;
      end -= shift;
      next -= shift;
    }
    if (limit == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    int n = in.read(buf, limit, buf.length - limit);
    while (n == 0) {
      n = in.read(buf, limit, buf.length - limit);
    }
    if (n < 0) {
      eof = true;
    } else {
      limit += n;
    }
    return shift;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
