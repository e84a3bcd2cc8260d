package io.strom.data;

import static java.util.Objects.requireNonNull;

/**
 * Two rows read as one: the fields of {@code left}, then those of {@code right}. A view without
 * copying, e.g. a joined pair or a row with window columns appended; it has its own kind.
 */
public final class JoinedRow implements Row {
  private Row left;
  private Row right;
  private RowKind kind = RowKind.INSERT;

  public JoinedRow() {}

  public JoinedRow(Row left, Row right) {
    replace(left, right);
  }

  /** Points this view at another pair; returns itself. */
  public JoinedRow replace(Row left, Row right) {
    this.left = requireNonNull(left, "left");
    this.right = requireNonNull(right, "right");
    return this;
  }

  @Override
  public int arity() {
    return left.arity() + right.arity();
  }

  @Override
  public RowKind kind() {
    return kind;
  }

  @Override
  public void setKind(RowKind kind) {
    this.kind = requireNonNull(kind, "kind");
  }

  @Override
  public boolean isNullAt(int pos) {
    int l = left.arity();
    return pos < l ? left.isNullAt(pos) : right.isNullAt(pos - l);
  }

  @Override
  public boolean getBoolean(int pos) {
    int l = left.arity();
    return pos < l ? left.getBoolean(pos) : right.getBoolean(pos - l);
  }

  @Override
  public byte getByte(int pos) {
    int l = left.arity();
    return pos < l ? left.getByte(pos) : right.getByte(pos - l);
  }

  @Override
  public short getShort(int pos) {
    int l = left.arity();
    return pos < l ? left.getShort(pos) : right.getShort(pos - l);
  }

  @Override
  public int getInt(int pos) {
    int l = left.arity();
    return pos < l ? left.getInt(pos) : right.getInt(pos - l);
  }

  @Override
  public long getLong(int pos) {
    int l = left.arity();
    return pos < l ? left.getLong(pos) : right.getLong(pos - l);
  }

  @Override
  public float getFloat(int pos) {
    int l = left.arity();
    return pos < l ? left.getFloat(pos) : right.getFloat(pos - l);
  }

  @Override
  public double getDouble(int pos) {
    int l = left.arity();
    return pos < l ? left.getDouble(pos) : right.getDouble(pos - l);
  }

  @Override
  public StringData getString(int pos) {
    int l = left.arity();
    return pos < l ? left.getString(pos) : right.getString(pos - l);
  }

  @Override
  public DecimalData getDecimal(int pos, int precision, int scale) {
    int l = left.arity();
    return pos < l
        ? left.getDecimal(pos, precision, scale)
        : right.getDecimal(pos - l, precision, scale);
  }

  @Override
  public TimestampData getTimestamp(int pos, int precision) {
    int l = left.arity();
    return pos < l ? left.getTimestamp(pos, precision) : right.getTimestamp(pos - l, precision);
  }

  @Override
  public long getTimestampMillis(int pos, int precision) {
    int l = left.arity();
    return pos < l
        ? left.getTimestampMillis(pos, precision)
        : right.getTimestampMillis(pos - l, precision);
  }

  @Override
  public int getTimestampNanos(int pos, int precision) {
    int l = left.arity();
    return pos < l
        ? left.getTimestampNanos(pos, precision)
        : right.getTimestampNanos(pos - l, precision);
  }

  @Override
  public byte[] getBinary(int pos) {
    int l = left.arity();
    return pos < l ? left.getBinary(pos) : right.getBinary(pos - l);
  }

  @Override
  public ArrayData getArray(int pos) {
    int l = left.arity();
    return pos < l ? left.getArray(pos) : right.getArray(pos - l);
  }

  @Override
  public MapData getMap(int pos) {
    int l = left.arity();
    return pos < l ? left.getMap(pos) : right.getMap(pos - l);
  }

  @Override
  public Row getRow(int pos, int arity) {
    int l = left.arity();
    return pos < l ? left.getRow(pos, arity) : right.getRow(pos - l, arity);
  }

  @Override
  public String toString() {
    return kind.shortString() + "(" + left + ", " + right + ")";
  }
}
