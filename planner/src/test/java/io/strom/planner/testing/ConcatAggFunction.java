package io.strom.planner.testing;

import io.strom.table.functions.AggregateFunction;
import java.io.Serializable;

/**
 * Joins strings in the order they arrive, with ',' or a separator given per row (two {@code
 * accumulate} overloads). It cannot take strings back: it has no {@code retract}. NULL values are
 * skipped; a group of only NULLs gives NULL.
 */
public class ConcatAggFunction extends AggregateFunction<String, ConcatAggFunction.Accumulator> {
  private static final long serialVersionUID = 1L;

  /** The joined text so far; null before the first value. */
  public static class Accumulator implements Serializable {
    private static final long serialVersionUID = 1L;
    public StringBuilder text;
  }

  @Override
  public Accumulator createAccumulator() {
    return new Accumulator();
  }

  @Override
  public String getValue(Accumulator acc) {
    return acc.text == null ? null : acc.text.toString();
  }

  public void accumulate(Accumulator acc, String value) {
    accumulate(acc, value, ",");
  }

  public void accumulate(Accumulator acc, String value, String separator) {
    if (value == null) {
      return;
    }
    if (acc.text == null) {
      acc.text = new StringBuilder(value);
    } else {
      acc.text.append(separator).append(value);
    }
  }
}
