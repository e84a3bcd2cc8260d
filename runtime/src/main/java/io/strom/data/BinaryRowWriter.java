package io.strom.data;

import static io.strom.data.BinaryFormat.LONG;

import java.util.Arrays;

/**
 * Builds {@link BinaryRow}s of one arity into a reusable buffer, without allocating per field.
 *
 * <pre>{@code
 * writer.reset();
 * writer.writeKind(RowKind.INSERT);
 * writer.writeInt(0, 42);
 * writer.writeString(1, name);
 * BinaryRow row = writer.complete(); // valid until the next reset(); copy() to keep it
 * }</pre>
 *
 * <p>Positions not written stay 0 and not NULL; write every position, NULLs with {@link
 * #setNullAt}. Not thread-safe.
 */
public final class BinaryRowWriter extends AbstractBinaryWriter {
  private final int arity;
  private final int headerSize;
  private final int fixedSize;
  private final BinaryRow row;

  public BinaryRowWriter(int arity) {
    super(BinaryRow.fixedPartSize(arity) + 64);
    this.arity = arity;
    this.headerSize = BinaryRow.headerSize(arity);
    this.fixedSize = BinaryRow.fixedPartSize(arity);
    this.row = new BinaryRow(arity);
    reset();
  }

  public int arity() {
    return arity;
  }

  /** Starts a new row: kind INSERT, all positions 0 and not NULL. */
  public void reset() {
    Arrays.fill(buffer, 0, fixedSize, (byte) 0);
    cursor = fixedSize;
  }

  public void writeKind(RowKind kind) {
    buffer[0] = kind.toByteValue();
  }

  @Override
  protected int slot(int pos) {
    return headerSize + (pos << 3);
  }

  @Override
  public void setNullAt(int pos) {
    int bit = pos + 8;
    buffer[bit >>> 3] |= (byte) (1 << (bit & 7));
    LONG.set(buffer, slot(pos), 0L);
  }

  /** The row written since the last reset, viewing this writer's buffer. */
  public BinaryRow complete() {
    row.pointTo(buffer, 0, cursor);
    return row;
  }
}
