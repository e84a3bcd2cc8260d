package io.strom.runtime.functions;

import io.strom.data.DecimalData;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Decimal arithmetic with the result type's precision and scale already derived (Flink's rules, in
 * the planner). Every result is rounded half up to the result scale; a result that needs more
 * digits than the result precision is null, which is how Flink reports decimal overflow.
 */
public final class DecimalFunctions {
  private DecimalFunctions() {}

  private static DecimalData fit(BigDecimal value, int precision, int scale) {
    return DecimalData.fromBigDecimal(value, precision, scale);
  }

  public static DecimalData add(DecimalData a, DecimalData b, int precision, int scale) {
    return fit(a.toBigDecimal().add(b.toBigDecimal()), precision, scale);
  }

  public static DecimalData subtract(DecimalData a, DecimalData b, int precision, int scale) {
    return fit(a.toBigDecimal().subtract(b.toBigDecimal()), precision, scale);
  }

  public static DecimalData multiply(DecimalData a, DecimalData b, int precision, int scale) {
    return fit(a.toBigDecimal().multiply(b.toBigDecimal()), precision, scale);
  }

  /** {@code a / b} rounded half up to {@code scale}; throws on division by zero. */
  public static DecimalData divide(DecimalData a, DecimalData b, int precision, int scale) {
    BigDecimal divisor = b.toBigDecimal();
    if (divisor.signum() == 0) {
      throw new EvaluationException("Division by zero: " + a + " / " + b);
    }
    return fit(a.toBigDecimal().divide(divisor, scale, RoundingMode.HALF_UP), precision, scale);
  }

  /** The remainder of {@code a / b} with the sign of {@code a}; throws on division by zero. */
  public static DecimalData mod(DecimalData a, DecimalData b, int precision, int scale) {
    BigDecimal divisor = b.toBigDecimal();
    if (divisor.signum() == 0) {
      throw new EvaluationException("Division by zero: MOD(" + a + ", " + b + ")");
    }
    return fit(a.toBigDecimal().remainder(divisor), precision, scale);
  }

  public static DecimalData negate(DecimalData a) {
    return fit(a.toBigDecimal().negate(), a.precision(), a.scale());
  }

  public static DecimalData abs(DecimalData a) {
    return a.toBigDecimal().signum() >= 0 ? a : negate(a);
  }

  /** -1, 0 or 1 in the argument's type. */
  public static DecimalData sign(DecimalData a) {
    return fit(BigDecimal.valueOf(a.toBigDecimal().signum()), a.precision(), a.scale());
  }

  /** Rounds half up to {@code digits} after the point (negative: before it). */
  public static DecimalData round(DecimalData a, long digits, int precision, int scale) {
    BigDecimal rounded = a.toBigDecimal().setScale((int) digits, RoundingMode.HALF_UP);
    return fit(rounded, precision, scale);
  }

  /** Cuts off digits after {@code digits} places after the point (negative: before it). */
  public static DecimalData truncate(DecimalData a, long digits, int precision, int scale) {
    BigDecimal cut = a.toBigDecimal().setScale((int) digits, RoundingMode.DOWN);
    return fit(cut, precision, scale);
  }

  public static DecimalData floor(DecimalData a, int precision, int scale) {
    return fit(a.toBigDecimal().setScale(0, RoundingMode.FLOOR), precision, scale);
  }

  public static DecimalData ceil(DecimalData a, int precision, int scale) {
    return fit(a.toBigDecimal().setScale(0, RoundingMode.CEILING), precision, scale);
  }

  public static int compare(DecimalData a, DecimalData b) {
    return a.compareTo(b);
  }

  /** A long as a decimal of its own precision, for mixing integers into decimal arithmetic. */
  public static DecimalData fromLong(long value) {
    return fit(BigDecimal.valueOf(value), 19, 0);
  }

  public static double toDouble(DecimalData value) {
    return value.toBigDecimal().doubleValue();
  }
}
