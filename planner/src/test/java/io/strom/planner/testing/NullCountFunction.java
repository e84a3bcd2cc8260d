package io.strom.planner.testing;

import io.strom.table.functions.AggregateFunction;
import java.io.Serializable;

/**
 * Counts the NULL and non-NULL values it is given, as {@code "<values> values, <nulls> nulls"}:
 * shows that {@code accumulate} and {@code retract} receive SQL NULL as {@code null}.
 */
public class NullCountFunction extends AggregateFunction<String, NullCountFunction.Accumulator> {
  private static final long serialVersionUID = 1L;

  /** The two counts. */
  public static class Accumulator implements Serializable {
    private static final long serialVersionUID = 1L;
    public long values;
    public long nulls;
  }

  @Override
  public Accumulator createAccumulator() {
    return new Accumulator();
  }

  @Override
  public String getValue(Accumulator acc) {
    return acc.values + " values, " + acc.nulls + " nulls";
  }

  public void accumulate(Accumulator acc, Integer value) {
    if (value == null) {
      acc.nulls++;
    } else {
      acc.values++;
    }
  }

  public void retract(Accumulator acc, Integer value) {
    if (value == null) {
      acc.nulls--;
    } else {
      acc.values--;
    }
  }
}
