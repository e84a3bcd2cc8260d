package io.strom.types;

/**
 * The families of {@link LogicalType}, each with the internal class its values take in a row.
 *
 * <p>The internal forms follow Flink's conventions so generated code and formats can be shared.
 */
public enum LogicalTypeRoot {
  /** {@code boolean}. */
  BOOLEAN,
  /** {@code byte}. */
  TINYINT,
  /** {@code short}. */
  SMALLINT,
  /** {@code int}. */
  INTEGER,
  /** {@code long}. */
  BIGINT,
  /** {@code float}. */
  FLOAT,
  /** {@code double}. */
  DOUBLE,
  /** {@link io.strom.data.DecimalData}. */
  DECIMAL,
  /** {@link io.strom.data.StringData}. */
  CHAR,
  /** {@link io.strom.data.StringData}. */
  VARCHAR,
  /** {@code byte[]}. */
  BINARY,
  /** {@code byte[]}. */
  VARBINARY,
  /** {@code int}: days since 1970-01-01. */
  DATE,
  /** {@code int}: milliseconds of the day. */
  TIME_WITHOUT_TIME_ZONE,
  /** {@link io.strom.data.TimestampData}. */
  TIMESTAMP_WITHOUT_TIME_ZONE,
  /** {@link io.strom.data.TimestampData}: an instant. */
  TIMESTAMP_WITH_LOCAL_TIME_ZONE,
  /** {@code int}: months. */
  INTERVAL_YEAR_MONTH,
  /** {@code long}: milliseconds. */
  INTERVAL_DAY_TIME,
  /** {@link io.strom.data.ArrayData}. */
  ARRAY,
  /** {@link io.strom.data.MapData}. */
  MAP,
  /** {@link io.strom.data.MapData} from element to its count (INT NOT NULL). */
  MULTISET,
  /** {@link io.strom.data.Row}. */
  ROW,
  /** Always null. */
  NULL
}
