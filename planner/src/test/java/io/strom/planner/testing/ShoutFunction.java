package io.strom.planner.testing;

import io.strom.api.functions.ScalarFunction;

/** A user-defined function for tests: appends an exclamation mark. */
public final class ShoutFunction extends ScalarFunction {
  public String eval(String text) {
    return text == null ? null : text + "!";
  }
}
