package io.strom.data;

import static io.strom.data.BinaryFormat.INT;

import java.util.Arrays;

/**
 * Builds {@link BinaryArray}s with elements of one width into a reusable buffer.
 *
 * <p>Call {@link #reset(int)} with the element count, write every position (NULLs with {@link
 * #setNullAt}), then {@link #complete()}. Not thread-safe.
 */
public final class BinaryArrayWriter extends AbstractBinaryWriter {
  private final int elementWidth;
  private final BinaryArray array = new BinaryArray();
  private int elementsStart;

  /** A writer of arrays whose elements are {@link BinaryArray#elementWidth} bytes wide. */
  public BinaryArrayWriter(int elementWidth) {
    super(64);
    if (elementWidth != 1 && elementWidth != 2 && elementWidth != 4 && elementWidth != 8) {
      throw new IllegalArgumentException(
          "Element width must be 1, 2, 4 or 8 bytes, got " + elementWidth);
    }
    this.elementWidth = elementWidth;
  }

  /** Starts a new array of {@code size} elements, all 0 and not NULL. */
  public void reset(int size) {
    elementsStart = BinaryArray.headerSize(size);
    int fixedSize = elementsStart + BinaryFormat.roundUpTo8(size * elementWidth);
    ensureCapacity(fixedSize);
    Arrays.fill(buffer, 0, fixedSize, (byte) 0);
    INT.set(buffer, 0, size);
    cursor = fixedSize;
  }

  @Override
  protected int slot(int pos) {
    return elementsStart + pos * elementWidth;
  }

  @Override
  public void setNullAt(int pos) {
    buffer[8 + (pos >>> 3)] |= (byte) (1 << (pos & 7));
    Arrays.fill(buffer, slot(pos), slot(pos) + elementWidth, (byte) 0);
  }

  /** The array written since the last reset, viewing this writer's buffer. */
  public BinaryArray complete() {
    array.pointTo(buffer, 0, cursor);
    return array;
  }
}
