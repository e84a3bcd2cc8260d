package io.strom.planner.plan.translate;

import io.strom.types.LogicalType;
import io.strom.types.LogicalTypeRoot;
import java.util.List;

/**
 * Which conversions happen by themselves when a query's rows are written into a table: those that
 * lose nothing a user would care about, as Flink allows them — numbers widening (TINYINT to
 * DOUBLE), within the string, binary, decimal, time, timestamp and local-zoned-timestamp families,
 * NULL into anything, and rows and collections whose fields or elements convert so. Everything
 * else needs an explicit CAST.
 */
public final class ImplicitCasts {
  private ImplicitCasts() {}

  private static final List<LogicalTypeRoot> NUMERIC_WIDENING =
      List.of(
          LogicalTypeRoot.TINYINT,
          LogicalTypeRoot.SMALLINT,
          LogicalTypeRoot.INTEGER,
          LogicalTypeRoot.BIGINT,
          LogicalTypeRoot.DECIMAL,
          LogicalTypeRoot.FLOAT,
          LogicalTypeRoot.DOUBLE);

  public static boolean isImplicit(LogicalType from, LogicalType to) {
    LogicalTypeRoot a = from.root();
    LogicalTypeRoot b = to.root();
    if (from.copy(true).equals(to.copy(true)) || a == LogicalTypeRoot.NULL) {
      return true;
    }
    if (isConstructed(a) || isConstructed(b)) {
      return a == b && childrenImplicit(from.children(), to.children());
    }
    int i = NUMERIC_WIDENING.indexOf(a);
    int j = NUMERIC_WIDENING.indexOf(b);
    if (i >= 0 && j >= 0) {
      return i <= j;
    }
    return family(a) != null && family(a).equals(family(b));
  }

  private static boolean isConstructed(LogicalTypeRoot root) {
    return root == LogicalTypeRoot.ROW || root == LogicalTypeRoot.ARRAY
        || root == LogicalTypeRoot.MAP || root == LogicalTypeRoot.MULTISET;
  }

  /**
   * Rows, arrays, maps and multisets convert when their fields or elements do, position by
   * position; field names and nested nullability do not matter (a NULL reaching a NOT NULL field
   * is the sink's to check), as in Flink.
   */
  private static boolean childrenImplicit(List<LogicalType> from, List<LogicalType> to) {
    if (from.size() != to.size()) {
      return false;
    }
    for (int i = 0; i < from.size(); i++) {
      if (!isImplicit(from.get(i), to.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static String family(LogicalTypeRoot root) {
    return switch (root) {
      case CHAR, VARCHAR -> "string";
      case BINARY, VARBINARY -> "binary";
      case TIME_WITHOUT_TIME_ZONE -> "time";
      case TIMESTAMP_WITHOUT_TIME_ZONE -> "timestamp";
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> "timestamp_ltz";
      default -> null;
    };
  }
}
