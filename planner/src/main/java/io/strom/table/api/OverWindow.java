package io.strom.table.api;

import io.strom.planner.ValidationException;
import java.util.List;
import java.util.stream.Collectors;

/** An OVER window definition; see {@link Over}. */
public final class OverWindow {
  private final List<Expression> partitionKeys;
  private final Expression order;
  private final Expression preceding;
  private final Expression following;
  private final String alias;

  OverWindow(
      List<Expression> partitionKeys,
      Expression order,
      Expression preceding,
      Expression following,
      String alias) {
    this.partitionKeys = partitionKeys;
    this.order = order;
    this.preceding = preceding;
    this.following = following;
    this.alias = alias;
  }

  /** The time attribute rows are ordered by. */
  public OverWindow orderBy(Expression order) {
    return new OverWindow(partitionKeys, order, preceding, following, alias);
  }

  /**
   * How far back the window reaches: {@code UNBOUNDED_RANGE}, {@code UNBOUNDED_ROW}, a time span
   * ({@code lit(1).hours()}) or a row count ({@code rowInterval(10L)}).
   */
  public OverWindow preceding(Expression preceding) {
    return new OverWindow(partitionKeys, order, preceding, following, alias);
  }

  /** Where the window ends: {@code CURRENT_ROW} or {@code CURRENT_RANGE} (the default). */
  public OverWindow following(Expression following) {
    return new OverWindow(partitionKeys, order, preceding, following, alias);
  }

  public OverWindow as(String alias) {
    return new OverWindow(partitionKeys, order, preceding, following, alias);
  }

  String alias() {
    if (alias == null) {
      throw new ValidationException("An OVER window needs a name: add as(\"w\") and use over($(\"w\"))");
    }
    return alias;
  }

  /** The window as SQL writes it after OVER. */
  String specification() {
    if (order == null) {
      throw new ValidationException("An OVER window needs orderBy(time attribute)");
    }
    StringBuilder spec = new StringBuilder("(");
    if (!partitionKeys.isEmpty()) {
      spec.append("PARTITION BY ")
          .append(partitionKeys.stream().map(k -> k.toSql(SqlScope.NONE)).collect(Collectors.joining(", ")))
          .append(' ');
    }
    spec.append("ORDER BY ").append(order.toSql(SqlScope.NONE));
    Expression from = preceding == null ? Expressions.UNBOUNDED_RANGE : preceding;
    boolean rows = from.isRowCount();
    spec.append(rows ? " ROWS" : " RANGE")
        .append(" BETWEEN ")
        .append(from.toSql(SqlScope.NONE))
        .append(" PRECEDING AND CURRENT ROW)");
    if (following != null && following.isRowCount() != rows) {
      throw new ValidationException(
          "An OVER window's preceding and following must both count rows or both span time");
    }
    return spec.toString();
  }
}
