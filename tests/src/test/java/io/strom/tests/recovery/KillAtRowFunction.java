package io.strom.tests.recovery;

import io.strom.api.functions.ScalarFunction;

/**
 * Returns its argument; counts the rows it sees and fails its task at the row counts the armed
 * {@link KillSchedule} drew. Does nothing when none is armed (the failure-free runs).
 */
public final class KillAtRowFunction extends ScalarFunction {
  public Long eval(Long value) {
    KillSchedule.onRow();
    return value;
  }
}
