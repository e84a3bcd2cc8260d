package io.strom.datastream.operators;

import io.strom.api.functions.Function;
import io.strom.api.functions.RichFunction;
import io.strom.api.functions.RuntimeContext;

/** Calls the lifecycle methods of user functions that have them. */
final class UserFunctions {
  private UserFunctions() {}

  static void open(Function function, RuntimeContext context) throws Exception {
    if (function instanceof RichFunction rich) {
      rich.open(context);
    }
  }

  static void close(Function function) throws Exception {
    if (function instanceof RichFunction rich) {
      rich.close();
    }
  }
}
