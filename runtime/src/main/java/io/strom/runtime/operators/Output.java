package io.strom.runtime.operators;

import io.strom.api.OutputTag;

/**
 * Where an operator sends what it produces: records with their event timestamp, records for side
 * outputs, and watermarks.
 *
 * <p>Called only on the task's thread. Records are handed on by reference: an operator must not
 * change a record after emitting it unless it owns the whole chain downstream.
 */
public interface Output<T> {

  /** Timestamp of a record that has none. */
  long NO_TIMESTAMP = Long.MIN_VALUE;

  void collect(T record, long timestamp);

  /** Emits to a side output; a tag nobody consumes drops the record. */
  <X> void collect(OutputTag<X> tag, X record, long timestamp);

  void emitWatermark(long watermark);

  /** Tells downstream that this output stopped (idle) or resumed (active) producing watermarks. */
  void emitWatermarkStatus(boolean idle);
}
