package io.strom.planner.calcite;

import static java.util.Objects.requireNonNull;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;

/**
 * A table's watermark generated inside its source, per split: the rowtime and the watermark
 * expression, both over the row the source produces. A computed rowtime column appears here as its
 * expression, which the source evaluates for event time and watermark; the column itself is still
 * computed after the scan.
 *
 * @param inputType the source's row as the expressions read it (the rowtime not yet an event-time
 *     attribute)
 * @param rowtime the rowtime: a field of the source's row, or a computed column's expression
 * @param watermark the watermark expression
 */
public record SourceWatermark(RelDataType inputType, RexNode rowtime, RexNode watermark) {
  public SourceWatermark {
    requireNonNull(inputType, "inputType");
    requireNonNull(rowtime, "rowtime");
    requireNonNull(watermark, "watermark");
  }

  /** The rowtime's field in the source's row, or -1 when it is computed. */
  public int rowtimeField() {
    return rowtime instanceof RexInputRef ref ? ref.getIndex() : -1;
  }
}
