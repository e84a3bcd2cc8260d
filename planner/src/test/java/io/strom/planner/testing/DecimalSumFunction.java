package io.strom.planner.testing;

import io.strom.api.functions.DataTypeHint;
import io.strom.table.functions.AggregateFunction;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Sums decimals into a {@code DECIMAL(10, 2)} result declared with a type hint (Java's {@code
 * BigDecimal} alone has no precision); rounds half up to two places. A group without values sums
 * to 0.00.
 */
public class DecimalSumFunction extends AggregateFunction<BigDecimal, DecimalSumFunction.Accumulator> {
  private static final long serialVersionUID = 1L;

  /** The exact running sum. */
  public static class Accumulator implements Serializable {
    private static final long serialVersionUID = 1L;
    public BigDecimal sum = BigDecimal.ZERO;
  }

  @Override
  public Accumulator createAccumulator() {
    return new Accumulator();
  }

  @Override
  @DataTypeHint("DECIMAL(10, 2)")
  public BigDecimal getValue(Accumulator acc) {
    return acc.sum.setScale(2, RoundingMode.HALF_UP);
  }

  public void accumulate(Accumulator acc, BigDecimal value) {
    if (value != null) {
      acc.sum = acc.sum.add(value);
    }
  }
}
