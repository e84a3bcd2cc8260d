package io.strom.sql.parser;

import org.apache.calcite.sql.validate.SqlAbstractConformance;

/**
 * The SQL dialect rules Strom's parser (and validator) follow: Calcite's defaults, plus what Flink
 * SQL scripts use — plural time units ({@code INTERVAL '5' MINUTES}), {@code !=}, {@code %}, and
 * inserts into a subset of the target's columns. GROUP BY and ORDER BY keep standard meanings
 * (no grouping by alias or ordinal), as in Flink.
 */
public final class StromSqlConformance extends SqlAbstractConformance {
  /** The one instance. */
  public static final StromSqlConformance INSTANCE = new StromSqlConformance();

  private StromSqlConformance() {}

  @Override
  public boolean allowPluralTimeUnits() {
    return true;
  }

  @Override
  public boolean isBangEqualAllowed() {
    return true;
  }

  @Override
  public boolean isPercentRemainderAllowed() {
    return true;
  }

  @Override
  public boolean isInsertSubsetColumnsAllowed() {
    return true;
  }

  @Override
  public boolean isGroupByAlias() {
    return false;
  }

  @Override
  public boolean isGroupByOrdinal() {
    return false;
  }
}
