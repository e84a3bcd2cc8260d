package io.strom.runtime.sql.window;

import io.strom.data.ArrayData;
import io.strom.data.DecimalData;
import io.strom.data.MapData;
import io.strom.data.Row;
import io.strom.data.RowKind;
import io.strom.data.StringData;
import io.strom.data.TimestampData;

/**
 * The grouping key of a fired session, as the aggregate functions expect it: a view whose
 * positions are either a field of the operator's key (the grouping columns other than the
 * window's) or one of the session's bounds ({@code window_start}, {@code window_end}, {@code
 * window_time}).
 */
final class SessionKeyRow implements Row {
  /** In {@link #layout}: the position holds {@code window_start}. */
  static final int WINDOW_START = -1;
  /** In {@link #layout}: the position holds {@code window_end}. */
  static final int WINDOW_END = -2;
  /** In {@link #layout}: the position holds {@code window_time}, the end minus 1 ms. */
  static final int WINDOW_TIME = -3;

  private final int[] layout;
  private final Row key;
  private final long start;
  private final long end;

  /**
   * @param layout per position: the key field it reads, or one of the window constants
   */
  SessionKeyRow(int[] layout, Row key, long start, long end) {
    this.layout = layout;
    this.key = key;
    this.start = start;
    this.end = end;
  }

  @Override
  public int arity() {
    return layout.length;
  }

  @Override
  public RowKind kind() {
    return RowKind.INSERT;
  }

  @Override
  public void setKind(RowKind kind) {
    throw new UnsupportedOperationException("A session's key is read only");
  }

  @Override
  public boolean isNullAt(int pos) {
    return layout[pos] >= 0 && key.isNullAt(layout[pos]);
  }

  @Override
  public TimestampData getTimestamp(int pos, int precision) {
    return switch (layout[pos]) {
      case WINDOW_START -> TimestampData.fromEpochMillis(start);
      case WINDOW_END -> TimestampData.fromEpochMillis(end);
      case WINDOW_TIME -> TimestampData.fromEpochMillis(end - 1);
      default -> key.getTimestamp(layout[pos], precision);
    };
  }

  @Override
  public boolean getBoolean(int pos) {
    return key.getBoolean(layout[pos]);
  }

  @Override
  public byte getByte(int pos) {
    return key.getByte(layout[pos]);
  }

  @Override
  public short getShort(int pos) {
    return key.getShort(layout[pos]);
  }

  @Override
  public int getInt(int pos) {
    return key.getInt(layout[pos]);
  }

  @Override
  public long getLong(int pos) {
    return key.getLong(layout[pos]);
  }

  @Override
  public float getFloat(int pos) {
    return key.getFloat(layout[pos]);
  }

  @Override
  public double getDouble(int pos) {
    return key.getDouble(layout[pos]);
  }

  @Override
  public StringData getString(int pos) {
    return key.getString(layout[pos]);
  }

  @Override
  public DecimalData getDecimal(int pos, int precision, int scale) {
    return key.getDecimal(layout[pos], precision, scale);
  }

  @Override
  public byte[] getBinary(int pos) {
    return key.getBinary(layout[pos]);
  }

  @Override
  public ArrayData getArray(int pos) {
    return key.getArray(layout[pos]);
  }

  @Override
  public MapData getMap(int pos) {
    return key.getMap(layout[pos]);
  }

  @Override
  public Row getRow(int pos, int arity) {
    return key.getRow(layout[pos], arity);
  }
}
