package io.strom.codegen.functions;

import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.ReturnTypes;

/**
 * The table function {@code UNNEST(collection)} becomes in a physical plan, as in Flink: one row
 * per element of an array or multiset (a multiset's element as often as it occurs), one per entry
 * of a map, an array of rows expanded into the rows' fields. Never looked up by name: the planner
 * creates its calls from Calcite's {@code Uncollect}, with the row type given there.
 */
public final class UnnestRows extends SqlFunction {
  /** {@code UNNEST(c)}. */
  public static final UnnestRows PLAIN = new UnnestRows("$UNNEST_ROWS$", false);
  /** {@code UNNEST(c) WITH ORDINALITY}: an INT position, from 1, after the element's columns. */
  public static final UnnestRows WITH_ORDINALITY =
      new UnnestRows("$UNNEST_ROWS_WITH_ORDINALITY$", true);

  private final boolean withOrdinality;

  private UnnestRows(String name, boolean withOrdinality) {
    super(name, SqlKind.OTHER_FUNCTION, ReturnTypes.CURSOR, null, null,
        SqlFunctionCategory.SYSTEM);
    this.withOrdinality = withOrdinality;
  }

  public boolean withOrdinality() {
    return withOrdinality;
  }
}
