package io.strom.planner.testing;

import io.strom.api.functions.FunctionContext;
import io.strom.table.functions.AggregateFunction;
import java.io.Serializable;

/**
 * Sums {@code INT} values times a factor given to the constructor, so it is registered as an
 * instance. It fails unless it was opened first, and takes values back with {@code retract}.
 */
public class ScaledSumFunction extends AggregateFunction<Long, ScaledSumFunction.Accumulator> {
  private static final long serialVersionUID = 1L;

  private final long factor;
  private transient boolean opened;

  public ScaledSumFunction(long factor) {
    this.factor = factor;
  }

  /** The running sum. */
  public static class Accumulator implements Serializable {
    private static final long serialVersionUID = 1L;
    public long sum;
  }

  @Override
  public void open(FunctionContext context) {
    opened = true;
  }

  @Override
  public Accumulator createAccumulator() {
    return new Accumulator();
  }

  @Override
  public Long getValue(Accumulator acc) {
    if (!opened) {
      throw new IllegalStateException("ScaledSumFunction was called before open");
    }
    return acc.sum;
  }

  public void accumulate(Accumulator acc, int value) {
    acc.sum += value * factor;
  }

  public void retract(Accumulator acc, int value) {
    acc.sum -= value * factor;
  }
}
