package io.strom.runtime.sql.join;

import io.strom.data.Row;

/** The part of a join condition that is not an equality of keys, tested on a joined pair. */
@FunctionalInterface
public interface JoinCondition {
  JoinCondition ALWAYS = (left, right) -> true;

  boolean test(Row left, Row right) throws Exception;
}
