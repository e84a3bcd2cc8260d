package io.strom.table.api;

import java.util.List;

/**
 * OVER windows: {@code Over.partitionBy($("user")).orderBy($("ts")).preceding(UNBOUNDED_RANGE)
 * .as("w")}, then {@code $("amount").sum().over($("w"))} in a select.
 */
public final class Over {
  private Over() {}

  public static OverWindow partitionBy(Expression... keys) {
    return new OverWindow(List.of(keys), null, null, null, null);
  }

  public static OverWindow orderBy(Expression order) {
    return new OverWindow(List.of(), order, null, null, null);
  }
}
