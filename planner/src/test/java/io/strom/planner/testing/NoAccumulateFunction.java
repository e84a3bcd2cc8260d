package io.strom.planner.testing;

import io.strom.table.functions.AggregateFunction;
import java.io.Serializable;

/** An aggregate function that forgot its {@code accumulate} method: refused at registration. */
public class NoAccumulateFunction extends AggregateFunction<Long, NoAccumulateFunction.Accumulator> {
  private static final long serialVersionUID = 1L;

  /** Never filled. */
  public static class Accumulator implements Serializable {
    private static final long serialVersionUID = 1L;
    public long count;
  }

  @Override
  public Accumulator createAccumulator() {
    return new Accumulator();
  }

  @Override
  public Long getValue(Accumulator acc) {
    return acc.count;
  }

  /** Misnamed: not {@code accumulate}. */
  public void add(Accumulator acc, long value) {
    acc.count += value;
  }
}
