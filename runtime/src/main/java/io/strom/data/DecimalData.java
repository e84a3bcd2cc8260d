package io.strom.data;

import static java.util.Objects.requireNonNull;

import io.strom.types.DecimalType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * The internal value of {@code DECIMAL(p, s)}: an unscaled integer with the type's precision and
 * scale, held in a {@code long} when the precision is at most 18 and as a {@link BigDecimal}
 * otherwise. Immutable.
 *
 * <p>Equality is numeric ({@code 1.0} equals {@code 1.00}), matching SQL comparison.
 */
public final class DecimalData implements Comparable<DecimalData> {
  private static final long[] POW10 = powersOfTen();

  private final int precision;
  private final int scale;
  /** The unscaled value when compact; unused otherwise. */
  private final long compact;
  /** The value when not compact; null when compact. */
  private final BigDecimal big;

  private DecimalData(int precision, int scale, long compact, BigDecimal big) {
    this.precision = precision;
    this.scale = scale;
    this.compact = compact;
    this.big = big;
  }

  private static long[] powersOfTen() {
    long[] pow = new long[DecimalType.MAX_COMPACT_PRECISION + 1];
    pow[0] = 1;
    for (int i = 1; i < pow.length; i++) {
      pow[i] = pow[i - 1] * 10;
    }
    return pow;
  }

  private static void checkPrecisionAndScale(int precision, int scale) {
    if (precision < DecimalType.MIN_PRECISION
        || precision > DecimalType.MAX_PRECISION
        || scale < 0
        || scale > precision) {
      throw new IllegalArgumentException(
          "DECIMAL(" + precision + ", " + scale + ") is invalid: precision must be 1 to 38 and "
              + "scale 0 to precision");
    }
  }

  public static boolean isCompact(int precision) {
    return precision <= DecimalType.MAX_COMPACT_PRECISION;
  }

  /**
   * Rounds {@code value} half-up to {@code scale} digits; returns null when the result needs more
   * than {@code precision} digits, which is how SQL reports a decimal overflow.
   */
  public static DecimalData fromBigDecimal(BigDecimal value, int precision, int scale) {
    requireNonNull(value, "value");
    checkPrecisionAndScale(precision, scale);
    BigDecimal scaled = value.setScale(scale, RoundingMode.HALF_UP);
    if (scaled.precision() > precision) {
      return null;
    }
    if (isCompact(precision)) {
      return new DecimalData(precision, scale, scaled.unscaledValue().longValue(), null);
    }
    return new DecimalData(precision, scale, 0, scaled);
  }

  /** A decimal from its unscaled value; returns null when it has more than {@code precision} digits. */
  public static DecimalData fromUnscaledLong(long unscaled, int precision, int scale) {
    if (isCompact(precision)) {
      if (unscaled <= -POW10[precision] || unscaled >= POW10[precision]) {
        return null;
      }
      return new DecimalData(precision, scale, unscaled, null);
    }
    return fromBigDecimal(BigDecimal.valueOf(unscaled, scale), precision, scale);
  }

  /** A decimal from the two's-complement bytes of its unscaled value, as written by {@link #toUnscaledBytes()}. */
  public static DecimalData fromUnscaledBytes(byte[] unscaled, int precision, int scale) {
    return fromBigDecimal(new BigDecimal(new BigInteger(unscaled), scale), precision, scale);
  }

  public int precision() {
    return precision;
  }

  public int scale() {
    return scale;
  }

  /** True when the unscaled value is held in a {@code long}. */
  public boolean isCompact() {
    return big == null;
  }

  /** The unscaled value; only for compact decimals (precision at most 18). */
  public long toUnscaledLong() {
    if (big != null) {
      throw new IllegalStateException(
          "DECIMAL(" + precision + ", " + scale + ") does not fit in a long; "
              + "use toUnscaledBytes()");
    }
    return compact;
  }

  /** The unscaled value as big-endian two's-complement bytes. */
  public byte[] toUnscaledBytes() {
    return big != null
        ? big.unscaledValue().toByteArray()
        : BigInteger.valueOf(compact).toByteArray();
  }

  public BigDecimal toBigDecimal() {
    return big != null ? big : BigDecimal.valueOf(compact, scale);
  }

  @Override
  public int compareTo(DecimalData other) {
    if (big == null && other.big == null && scale == other.scale) {
      return Long.compare(compact, other.compact);
    }
    return toBigDecimal().compareTo(other.toBigDecimal());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DecimalData other && compareTo(other) == 0;
  }

  /** Hashes the value without trailing zeros, so numerically equal decimals hash alike. */
  @Override
  public int hashCode() {
    BigDecimal stripped = toBigDecimal().stripTrailingZeros();
    BigInteger unscaled = stripped.unscaledValue();
    if (unscaled.bitLength() < Long.SIZE) {
      return Long.hashCode(unscaled.longValue()) * 31 + stripped.scale();
    }
    return stripped.hashCode();
  }

  @Override
  public String toString() {
    return toBigDecimal().toPlainString();
  }
}
