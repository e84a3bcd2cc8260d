package io.strom.connector;

import io.strom.data.Row;

/** Receives the rows a {@link RowDecoder} decodes from one record. */
@FunctionalInterface
public interface RowCollector {

  /**
   * Takes one decoded row. The row belongs to the decoder and is valid only during this call: a
   * collector that keeps it (e.g. emits it downstream) copies it first.
   */
  void collect(Row row);
}
