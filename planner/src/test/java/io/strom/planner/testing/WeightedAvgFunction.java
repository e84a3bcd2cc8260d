package io.strom.planner.testing;

import io.strom.table.functions.AggregateFunction;
import java.io.Serializable;

/**
 * Flink's weighted average example: {@code SUM(value * weight) / SUM(weight)}, NULL when the
 * weights add up to zero. Retracts, merges and resets, so it runs over updating inputs too.
 */
public class WeightedAvgFunction extends AggregateFunction<Long, WeightedAvgFunction.Accumulator> {
  private static final long serialVersionUID = 1L;

  /** The running sums. */
  public static class Accumulator implements Serializable {
    private static final long serialVersionUID = 1L;
    public long sum;
    public int count;
  }

  @Override
  public Accumulator createAccumulator() {
    return new Accumulator();
  }

  @Override
  public Long getValue(Accumulator acc) {
    return acc.count == 0 ? null : acc.sum / acc.count;
  }

  public void accumulate(Accumulator acc, long value, int weight) {
    acc.sum += value * weight;
    acc.count += weight;
  }

  public void retract(Accumulator acc, long value, int weight) {
    acc.sum -= value * weight;
    acc.count -= weight;
  }

  public void merge(Accumulator acc, Iterable<Accumulator> others) {
    for (Accumulator other : others) {
      acc.sum += other.sum;
      acc.count += other.count;
    }
  }

  public void resetAccumulator(Accumulator acc) {
    acc.sum = 0L;
    acc.count = 0;
  }
}
