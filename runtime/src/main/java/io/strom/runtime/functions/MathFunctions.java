package io.strom.runtime.functions;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Flink's numeric functions on non-null primitive arguments, and checked integer division. */
public final class MathFunctions {
  private MathFunctions() {}

  /** {@code divisor}, or an error when it is zero; guards integer {@code /} and {@code %}. */
  public static int divisor(int divisor) {
    if (divisor == 0) {
      throw new EvaluationException("Division by zero");
    }
    return divisor;
  }

  /** {@code divisor}, or an error when it is zero; guards integer {@code /} and {@code %}. */
  public static long divisor(long divisor) {
    if (divisor == 0) {
      throw new EvaluationException("Division by zero");
    }
    return divisor;
  }

  /** Rounds half up to {@code digits} after the point (negative: before it). */
  public static double round(double value, long digits) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return value;
    }
    return BigDecimal.valueOf(value).setScale((int) digits, RoundingMode.HALF_UP).doubleValue();
  }

  /** Rounds an integer half up to {@code digits} places (only negative digits change it). */
  public static long round(long value, long digits) {
    if (digits >= 0) {
      return value;
    }
    return BigDecimal.valueOf(value).setScale((int) digits, RoundingMode.HALF_UP).longValue();
  }

  public static double truncate(double value, long digits) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return value;
    }
    return BigDecimal.valueOf(value).setScale((int) digits, RoundingMode.DOWN).doubleValue();
  }

  public static long truncate(long value, long digits) {
    if (digits >= 0) {
      return value;
    }
    return BigDecimal.valueOf(value).setScale((int) digits, RoundingMode.DOWN).longValue();
  }

  /** Logarithm of {@code x} to {@code base}. */
  public static double log(double base, double x) {
    return Math.log(x) / Math.log(base);
  }

  public static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  /** A random integer in {@code [0, bound)}; an error for bound below 1. */
  public static int randInteger(java.util.Random random, long bound) {
    if (bound <= 0 || bound > Integer.MAX_VALUE) {
      throw new EvaluationException("RAND_INTEGER needs a bound from 1 to 2147483647, got " + bound);
    }
    return random.nextInt((int) bound);
  }
}
