package io.strom.runtime.network;

import io.strom.serde.DataInputDeserializer;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Cuts the byte stream of one input channel back into elements. An element that lies wholly in a
 * buffer is read in place; one that spans buffers is gathered into a spill array, so the consumer
 * never waits for the rest of an element and never holds more than one buffer per channel.
 *
 * <p>Called only on the consumer task's thread.
 */
public final class ChannelDeserializer {
  private static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

  private final DataInputDeserializer view = new DataInputDeserializer();
  private Buffer current;
  private byte[] data;
  private int position;
  private int size;
  private byte[] spill = new byte[256];
  private int spillLength;

  /** Starts reading a new buffer; the previous one must be exhausted. */
  public void setBuffer(Buffer buffer) {
    this.current = buffer;
    this.data = buffer.segment();
    this.position = 0;
    this.size = buffer.size();
  }

  /**
   * Positions {@link #view()} on the next complete element (tag first). Returns false when the
   * buffer is exhausted, having recycled it; a partial element is kept for the next buffer.
   */
  public boolean next() {
    if (current == null) {
      return false;
    }
    if (spillLength > 0) {
      return continueSpill();
    }
    int available = size - position;
    if (available >= 4) {
      int length = (int) INT.get(data, position);
      if (available - 4 >= length) {
        view.setBuffer(data, position + 4, length);
        position += 4 + length;
        return true;
      }
    }
    if (available == 0) {
      recycle();
      return false;
    }
    ensureSpill(Math.max(available, 4));
    System.arraycopy(data, position, spill, 0, available);
    spillLength = available;
    recycle();
    return false;
  }

  private boolean continueSpill() {
    while (spillLength < 4 && position < size) {
      spill[spillLength++] = data[position++];
    }
    if (spillLength < 4) {
      recycle();
      return false;
    }
    int total = 4 + (int) INT.get(spill, 0);
    ensureSpill(total);
    int n = Math.min(total - spillLength, size - position);
    System.arraycopy(data, position, spill, spillLength, n);
    spillLength += n;
    position += n;
    if (spillLength < total) {
      recycle();
      return false;
    }
    view.setBuffer(spill, 4, total - 4);
    spillLength = 0;
    return true;
  }

  private void ensureSpill(int capacity) {
    if (spill.length < capacity) {
      spill = Arrays.copyOf(spill, Math.max(capacity, spill.length * 2));
    }
  }

  private void recycle() {
    current.recycle();
    current = null;
    data = null;
  }

  /** True while a buffer is being read: elements after the current one may still follow. */
  public boolean hasBuffer() {
    return current != null;
  }

  /** The current element: a tag byte, then its body. */
  public DataInputDeserializer view() {
    return view;
  }

  /**
   * The bytes taken off the channel but not yet read: a partial element gathered so far and the
   * rest of the current buffer. They start at an element boundary.
   */
  public byte[] unreadBytes() {
    int rest = current == null ? 0 : size - position;
    byte[] bytes = new byte[spillLength + rest];
    System.arraycopy(spill, 0, bytes, 0, spillLength);
    if (rest > 0) {
      System.arraycopy(data, position, bytes, spillLength, rest);
    }
    return bytes;
  }

  /** Recycles the buffer being read, if any (on failure or cancellation). */
  public void release() {
    if (current != null) {
      recycle();
    }
    spillLength = 0;
  }
}
