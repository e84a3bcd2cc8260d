package io.strom.connector.datagen;

import io.strom.data.DecimalData;
import io.strom.data.GenericRow;
import io.strom.data.StringData;
import io.strom.types.LogicalTypeRoot;
import java.math.BigDecimal;
import java.util.SplittableRandom;

/**
 * The sequence {@link FieldGenerator}s of datagen: the value of row {@code i} is {@code start + i},
 * so the rows' index ranges (disjoint across parallel readers) give disjoint values.
 */
final class Sequences {
  private Sequences() {}

  static Object box(long value, LogicalTypeRoot root) {
    return switch (root) {
      case TINYINT -> (byte) value;
      case SMALLINT -> (short) value;
      case INTEGER, INTERVAL_YEAR_MONTH -> (int) value;
      default -> value;
    };
  }

  static void setWhole(GenericRow row, int pos, long value, LogicalTypeRoot root) {
    switch (root) {
      case TINYINT -> row.setByte(pos, (byte) value);
      case SMALLINT -> row.setShort(pos, (short) value);
      case INTEGER, INTERVAL_YEAR_MONTH -> row.setInt(pos, (int) value);
      default -> row.setLong(pos, value);
    }
  }

  /** Whole numbers, floats, decimals or strings counting up from {@code start}. */
  static final class Counting extends FieldGenerator {
    private static final long serialVersionUID = 1L;
    private final long start;
    private final LogicalTypeRoot root;
    private final int precision;
    private final int scale;

    Counting(long start, LogicalTypeRoot root, int precision, int scale) {
      this.start = start;
      this.root = root;
      this.precision = precision;
      this.scale = scale;
    }

    @Override
    Object next(long index, SplittableRandom random) {
      long value = start + index;
      return switch (root) {
        case FLOAT -> (float) value;
        case DOUBLE -> (double) value;
        case DECIMAL -> DecimalData.fromBigDecimal(BigDecimal.valueOf(value), precision, scale);
        case CHAR, VARCHAR -> StringData.fromString(Long.toString(value));
        default -> box(value, root);
      };
    }

    @Override
    void set(GenericRow row, int pos, long index, SplittableRandom random) {
      long value = start + index;
      switch (root) {
        case TINYINT, SMALLINT, INTEGER, BIGINT, INTERVAL_YEAR_MONTH, INTERVAL_DAY_TIME ->
            setWhole(row, pos, value, root);
        case FLOAT -> row.setFloat(pos, value);
        case DOUBLE -> row.setDouble(pos, value);
        default -> row.setField(pos, next(index, random));
      }
    }
  }
}
