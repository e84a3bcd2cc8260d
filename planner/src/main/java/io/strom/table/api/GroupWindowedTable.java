package io.strom.table.api;

import io.strom.planner.ValidationException;
import java.util.ArrayList;
import java.util.List;

/** A table with a group window; {@link #groupBy} must name the window. */
public final class GroupWindowedTable {
  private final Table table;
  private final GroupWindow window;

  GroupWindowedTable(Table table, GroupWindow window) {
    this.table = table;
    this.window = window;
  }

  /** Groups by the window and further keys: {@code groupBy($("w"), $("user"))}. */
  public WindowGroupedTable groupBy(Expression... keys) {
    String alias = window.alias();
    List<Expression> others = new ArrayList<>();
    boolean hasWindow = false;
    for (Expression key : keys) {
      if (key.kind() == Expression.Kind.COLUMN && key.columnName().equals(alias)) {
        hasWindow = true;
      } else {
        others.add(key);
      }
    }
    if (!hasWindow) {
      throw new ValidationException(
          "groupBy of a windowed table must name its window: groupBy($(\"" + alias + "\"), ...)");
    }
    return new WindowGroupedTable(table, window, others);
  }
}
