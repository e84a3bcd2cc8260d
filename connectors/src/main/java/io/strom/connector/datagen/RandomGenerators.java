package io.strom.connector.datagen;

import io.strom.data.DecimalData;
import io.strom.data.GenericArray;
import io.strom.data.GenericMap;
import io.strom.data.GenericRow;
import io.strom.data.StringData;
import io.strom.data.TimestampData;
import io.strom.types.LogicalTypeRoot;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/** The random {@link FieldGenerator}s of datagen, one small class per family of types. */
final class RandomGenerators {
  private RandomGenerators() {}

  private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  /** Whole numbers in {@code [min, max]} for TINYINT to BIGINT and intervals. */
  static final class Whole extends FieldGenerator {
    private static final long serialVersionUID = 1L;
    private final long min;
    private final long max;
    private final LogicalTypeRoot root;

    Whole(long min, long max, LogicalTypeRoot root) {
      this.min = min;
      this.max = max;
      this.root = root;
    }

    private long draw(SplittableRandom random) {
      if (min == Long.MIN_VALUE && max == Long.MAX_VALUE) {
        return random.nextLong();
      }
      return max == Long.MAX_VALUE ? random.nextLong(min - 1, max) + 1 : random.nextLong(min, max + 1);
    }

    @Override
    Object next(long index, SplittableRandom random) {
      return Sequences.box(draw(random), root);
    }

    @Override
    void set(GenericRow row, int pos, long index, SplittableRandom random) {
      Sequences.setWhole(row, pos, draw(random), root);
    }
  }

  /** FLOAT and DOUBLE in {@code [min, max)}. */
  static final class Floating extends FieldGenerator {
    private static final long serialVersionUID = 1L;
    private final double min;
    private final double max;
    private final boolean isFloat;

    Floating(double min, double max, boolean isFloat) {
      this.min = min;
      this.max = max;
      this.isFloat = isFloat;
    }

    private double draw(SplittableRandom random) {
      return min + random.nextDouble() * (max - min);
    }

    @Override
    Object next(long index, SplittableRandom random) {
      return isFloat ? (Object) (float) draw(random) : (Object) draw(random);
    }

    @Override
    void set(GenericRow row, int pos, long index, SplittableRandom random) {
      if (isFloat) {
        row.setFloat(pos, (float) draw(random));
      } else {
        row.setDouble(pos, draw(random));
      }
    }
  }

  /** DECIMAL(p, s) in {@code [min, max]}. */
  static final class Decimal extends FieldGenerator {
    private static final long serialVersionUID = 1L;
    private final BigDecimal min;
    private final BigDecimal max;
    private final int precision;
    private final int scale;

    Decimal(BigDecimal min, BigDecimal max, int precision, int scale) {
      this.min = min;
      this.max = max;
      this.precision = precision;
      this.scale = scale;
    }

    @Override
    Object next(long index, SplittableRandom random) {
      BigDecimal value = min.add(max.subtract(min).multiply(BigDecimal.valueOf(random.nextDouble())));
      DecimalData result = DecimalData.fromBigDecimal(value, precision, scale);
      return result != null ? result : DecimalData.fromBigDecimal(max, precision, scale);
    }
  }

  /** BOOLEAN. */
  static final class Bool extends FieldGenerator {
    private static final long serialVersionUID = 1L;

    @Override
    Object next(long index, SplittableRandom random) {
      return random.nextBoolean();
    }

    @Override
    void set(GenericRow row, int pos, long index, SplittableRandom random) {
      row.setBoolean(pos, random.nextBoolean());
    }
  }

  /** Strings of hex digits, or bytes, of a fixed or random length. */
  static final class Chars extends FieldGenerator {
    private static final long serialVersionUID = 1L;
    private final int length;
    private final boolean varLen;
    private final boolean binary;

    Chars(int length, boolean varLen, boolean binary) {
      this.length = length;
      this.varLen = varLen;
      this.binary = binary;
    }

    @Override
    Object next(long index, SplittableRandom random) {
      int n = varLen && length > 0 ? random.nextInt(1, length + 1) : length;
      byte[] bytes = new byte[n];
      if (binary) {
        random.nextBytes(bytes);
        return bytes;
      }
      for (int i = 0; i < n; i++) {
        bytes[i] = HEX[random.nextInt(16)];
      }
      return StringData.fromBytes(bytes);
    }
  }

  /**
   * DATE, TIME, TIMESTAMP and TIMESTAMP_LTZ: now minus a random span of up to {@code maxPast}
   * milliseconds, truncated to the type's precision.
   */
  static final class Temporal extends FieldGenerator {
    private static final long serialVersionUID = 1L;
    private static final long MILLIS_PER_DAY = 86_400_000L;
    private final long maxPastMillis;
    private final LogicalTypeRoot root;

    Temporal(long maxPastMillis, LogicalTypeRoot root) {
      this.maxPastMillis = maxPastMillis;
      this.root = root;
    }

    private long draw(SplittableRandom random) {
      long past = maxPastMillis > 0 ? random.nextLong(maxPastMillis + 1) : 0;
      return System.currentTimeMillis() - past;
    }

    @Override
    Object next(long index, SplittableRandom random) {
      long millis = draw(random);
      return switch (root) {
        case DATE -> (int) Math.floorDiv(millis, MILLIS_PER_DAY);
        case TIME_WITHOUT_TIME_ZONE -> (int) Math.floorMod(millis, MILLIS_PER_DAY);
        default -> TimestampData.fromEpochMillis(millis);
      };
    }

    @Override
    void set(GenericRow row, int pos, long index, SplittableRandom random) {
      long millis = draw(random);
      switch (root) {
        case DATE -> row.setDate(pos, (int) Math.floorDiv(millis, MILLIS_PER_DAY));
        case TIME_WITHOUT_TIME_ZONE -> row.setTime(pos, (int) Math.floorMod(millis, MILLIS_PER_DAY));
        default -> row.setTimestamp(pos, TimestampData.fromEpochMillis(millis));
      }
    }
  }

  /** ARRAY of {@code length} elements. */
  static final class Array extends FieldGenerator {
    private static final long serialVersionUID = 1L;
    private final FieldGenerator element;
    private final int length;

    Array(FieldGenerator element, int length) {
      this.element = element;
      this.length = length;
    }

    @Override
    Object next(long index, SplittableRandom random) {
      Object[] values = new Object[length];
      for (int i = 0; i < length; i++) {
        values[i] = element.next(index, random);
      }
      return new GenericArray(values);
    }
  }

  /** MAP of up to {@code length} entries (equal keys collapse), or a MULTISET when values is null. */
  static final class MapOrMultiset extends FieldGenerator {
    private static final long serialVersionUID = 1L;
    private final FieldGenerator key;
    private final FieldGenerator value;
    private final int length;

    MapOrMultiset(FieldGenerator key, FieldGenerator value, int length) {
      this.key = key;
      this.value = value;
      this.length = length;
    }

    @Override
    Object next(long index, SplittableRandom random) {
      Map<Object, Object> entries = new LinkedHashMap<>();
      for (int i = 0; i < length; i++) {
        Object k = key.next(index, random);
        if (value == null) {
          entries.merge(k, 1, (a, b) -> (Integer) a + (Integer) b);
        } else {
          entries.put(k, value.next(index, random));
        }
      }
      return new GenericMap(entries);
    }
  }

  /** A nested ROW. */
  static final class Row extends FieldGenerator {
    private static final long serialVersionUID = 1L;
    private final FieldGenerator[] fields;

    Row(FieldGenerator[] fields) {
      this.fields = fields;
    }

    @Override
    Object next(long index, SplittableRandom random) {
      GenericRow row = new GenericRow(fields.length);
      for (int i = 0; i < fields.length; i++) {
        fields[i].set(row, i, index, random);
      }
      return row;
    }
  }

  /** NULL with probability {@code rate}, otherwise the wrapped generator's value. */
  static final class Nullable extends FieldGenerator {
    private static final long serialVersionUID = 1L;
    private final FieldGenerator inner;
    private final double rate;

    Nullable(FieldGenerator inner, double rate) {
      this.inner = inner;
      this.rate = rate;
    }

    @Override
    Object next(long index, SplittableRandom random) {
      return random.nextDouble() < rate ? null : inner.next(index, random);
    }

    @Override
    void set(GenericRow row, int pos, long index, SplittableRandom random) {
      if (random.nextDouble() < rate) {
        row.setNullAt(pos);
      } else {
        inner.set(row, pos, index, random);
      }
    }
  }

  /** Always NULL, for the NULL type. */
  static final class AlwaysNull extends FieldGenerator {
    private static final long serialVersionUID = 1L;

    @Override
    Object next(long index, SplittableRandom random) {
      return null;
    }
  }
}
