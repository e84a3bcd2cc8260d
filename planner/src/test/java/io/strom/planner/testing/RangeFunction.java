package io.strom.planner.testing;

import io.strom.api.functions.TableFunction;

/**
 * A table function for tests emitting plain values, so its one column is named {@code f0}: the
 * integers from 1 to n, none for n below 1 (or NULL, which a primitive parameter cannot take).
 */
public final class RangeFunction extends TableFunction<Integer> {
  public void eval(int n) {
    for (int i = 1; i <= n; i++) {
      collect(i);
    }
  }

  public void eval(long n) {
    eval((int) n);
  }
}
