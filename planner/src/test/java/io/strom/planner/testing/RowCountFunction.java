package io.strom.planner.testing;

import io.strom.api.functions.DataTypeHint;
import io.strom.table.functions.AggregateFunction;
import java.io.Serializable;

/**
 * Counts rows with an {@code accumulate} that takes no arguments, like {@code COUNT(*)}; its
 * result type, {@code INT}, comes from a hint on the class.
 */
@DataTypeHint("INT")
public class RowCountFunction extends AggregateFunction<Integer, RowCountFunction.Accumulator> {
  private static final long serialVersionUID = 1L;

  /** The count. */
  public static class Accumulator implements Serializable {
    private static final long serialVersionUID = 1L;
    public int rows;
  }

  @Override
  public Accumulator createAccumulator() {
    return new Accumulator();
  }

  @Override
  public Integer getValue(Accumulator acc) {
    return acc.rows;
  }

  public void accumulate(Accumulator acc) {
    acc.rows++;
  }

  public void retract(Accumulator acc) {
    acc.rows--;
  }
}
