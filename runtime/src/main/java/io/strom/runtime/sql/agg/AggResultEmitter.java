package io.strom.runtime.sql.agg;

import io.strom.data.Row;
import io.strom.data.RowKind;
import io.strom.runtime.operators.Output;

/**
 * Emits how a group aggregation's result for one key changed, as Flink's group aggregations do:
 * the first result is an INSERT; a changed one an UPDATE_BEFORE of the old row (when asked for)
 * and an UPDATE_AFTER of the new; an unchanged one nothing, unless idle-state retention needs
 * downstream state kept alive; a key whose rows were all retracted a DELETE.
 */
final class AggResultEmitter {
  private final Output<Row> output;
  private final boolean generateUpdateBefore;
  private final boolean emitUnchanged;

  AggResultEmitter(Output<Row> output, boolean generateUpdateBefore, long stateTtlMillis) {
    this.output = output;
    this.generateUpdateBefore = generateUpdateBefore;
    // With a TTL, repeating an unchanged result keeps downstream state alive.
    this.emitUnchanged = stateTtlMillis > 0;
  }

  /**
   * @param previous the key's result before, or null for a new key
   * @param current its result now
   * @return whether {@code previous} was emitted (so the caller must not change it any more)
   */
  boolean changed(Row previous, Row current) {
    if (previous == null) {
      output.collect(current, Output.NO_TIMESTAMP);
      return false;
    }
    if (!emitUnchanged && previous.equals(current)) {
      return false;
    }
    if (generateUpdateBefore) {
      previous.setKind(RowKind.UPDATE_BEFORE);
      output.collect(previous, Output.NO_TIMESTAMP);
    }
    current.setKind(RowKind.UPDATE_AFTER);
    output.collect(current, Output.NO_TIMESTAMP);
    return generateUpdateBefore;
  }

  /** The key lost all its rows: retract {@code previous}, its last result, if there was one. */
  void deleted(Row previous) {
    if (previous != null) {
      previous.setKind(RowKind.DELETE);
      output.collect(previous, Output.NO_TIMESTAMP);
    }
  }
}
