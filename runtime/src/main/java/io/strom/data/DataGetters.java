package io.strom.data;

/**
 * Typed, non-boxing read access to the positions of a row or array.
 *
 * <p>Callers pick the getter from the field's {@link io.strom.types.LogicalType} (see {@link
 * io.strom.types.LogicalTypeRoot} for which getter serves which type) and check {@link #isNullAt}
 * first: a getter's result for a NULL position is undefined.
 */
public interface DataGetters {

  boolean isNullAt(int pos);

  boolean getBoolean(int pos);

  byte getByte(int pos);

  short getShort(int pos);

  /** Also DATE (days since epoch), TIME (millis of day) and INTERVAL YEAR TO MONTH (months). */
  int getInt(int pos);

  /** Also INTERVAL DAY TO SECOND (milliseconds). */
  long getLong(int pos);

  float getFloat(int pos);

  double getDouble(int pos);

  StringData getString(int pos);

  /** Reads a decimal; precision and scale must be the position's declared ones. */
  DecimalData getDecimal(int pos, int precision, int scale);

  /** Reads a TIMESTAMP or TIMESTAMP_LTZ; precision must be the position's declared one. */
  TimestampData getTimestamp(int pos, int precision);

  /**
   * The epoch milliseconds of a TIMESTAMP or TIMESTAMP_LTZ, for code that only compares them:
   * binary rows read them without building a {@link TimestampData}.
   */
  default long getTimestampMillis(int pos, int precision) {
    return getTimestamp(pos, precision).millisecond();
  }

  /** The nanoseconds within the millisecond of a TIMESTAMP or TIMESTAMP_LTZ (see above). */
  default int getTimestampNanos(int pos, int precision) {
    return getTimestamp(pos, precision).nanoOfMillisecond();
  }

  byte[] getBinary(int pos);

  ArrayData getArray(int pos);

  MapData getMap(int pos);

  /** Reads a nested row; arity must be the nested row type's field count. */
  Row getRow(int pos, int arity);
}
