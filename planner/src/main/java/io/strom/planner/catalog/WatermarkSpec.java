package io.strom.planner.catalog;

import static java.util.Objects.requireNonNull;

/**
 * The watermark of a table: the event-time (rowtime) column and the expression of the watermark,
 * as written in {@code WATERMARK FOR rowtime AS expression}.
 *
 * @param rowtimeColumn the column that becomes the table's event-time attribute
 * @param expression the watermark expression as SQL text
 */
public record WatermarkSpec(String rowtimeColumn, String expression) {
  public WatermarkSpec {
    requireNonNull(rowtimeColumn, "rowtimeColumn");
    requireNonNull(expression, "expression");
  }
}
