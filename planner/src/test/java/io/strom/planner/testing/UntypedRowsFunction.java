package io.strom.planner.testing;

import io.strom.api.functions.TableFunction;
import io.strom.data.Row;

/** A table function for tests that emits rows without declaring their type, which is refused. */
public final class UntypedRowsFunction extends TableFunction<Row> {
  public void eval(String text) {}
}
