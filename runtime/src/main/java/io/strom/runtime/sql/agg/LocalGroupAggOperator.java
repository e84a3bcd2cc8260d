package io.strom.runtime.sql.agg;

import static java.util.Objects.requireNonNull;

import io.strom.data.BinaryRow;
import io.strom.data.JoinedRow;
import io.strom.data.Row;
import io.strom.data.RowKind;
import io.strom.runtime.generated.GeneratedClass;
import io.strom.runtime.generated.Projection;
import io.strom.runtime.operators.AbstractOperator;
import io.strom.runtime.operators.OneInputOperator;
import io.strom.runtime.operators.Output;
import io.strom.runtime.sql.SqlFunctions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The first phase of a two-phase group aggregation, before the exchange by key: it accumulates
 * (and over a retracting input retracts) each mini-batch's rows per key into partial accumulators
 * held on the heap, and when the batch applies emits one row per key — the key's fields followed
 * by its accumulators, a row count among them over a retracting input — as an insert for the
 * {@link GlobalGroupAggOperator} to merge. It keeps no state across batches, so a checkpoint
 * only needs the batch emitted before its barrier.
 *
 * <p>Per row it looks the key up with the projection's reused buffer (a copy only for a new key)
 * and stores accumulators back only when the key changes between consecutive rows; it allocates
 * per key and batch, not per row.
 */
public final class LocalGroupAggOperator extends AbstractOperator<Row>
    implements OneInputOperator<Row, Row> {
  private static final long serialVersionUID = 1L;

  private final GeneratedClass<AggsHandler> handlerCode;
  private final GeneratedClass<Projection> keyCode;
  private final MiniBatch miniBatch;

  private transient Projection keyProjection;
  private transient AggsHandler handler;
  private transient Map<BinaryRow, Partial> partials;
  /** The key whose accumulators the handler holds, not yet stored in {@link #partials}. */
  private transient Partial current;
  private transient MiniBatchTrigger trigger;

  /** A key and its partial accumulators. */
  private static final class Partial {
    final BinaryRow key;
    Row accumulators;

    Partial(BinaryRow key, Row accumulators) {
      this.key = key;
      this.accumulators = accumulators;
    }
  }

  /**
   * @param handlerCode the aggregation's functions, which must all merge
   * @param keyCode the grouping fields of an input row
   */
  public LocalGroupAggOperator(
      GeneratedClass<AggsHandler> handlerCode, GeneratedClass<Projection> keyCode, MiniBatch miniBatch) {
    this.handlerCode = requireNonNull(handlerCode, "handlerCode");
    this.keyCode = requireNonNull(keyCode, "keyCode");
    this.miniBatch = requireNonNull(miniBatch, "miniBatch");
  }

  @Override
  protected void setup() throws Exception {
    keyProjection = keyCode.newInstance(context.userCodeClassLoader());
    handler = AggsHandlers.openWithoutState(handlerCode, SqlFunctions.functionContext(context));
    partials = new LinkedHashMap<>();
    trigger = new MiniBatchTrigger(miniBatch.maxRows(), miniBatch.allowLatencyMillis(),
        context.processingTimeService(), this::emitPartials);
  }

  @Override
  public void processElement(Row input, long timestamp) throws Exception {
    BinaryRow key = keyProjection.apply(input);
    if (current == null || !current.key.equals(key)) {
      storeCurrent();
      Partial partial = partials.get(key);
      if (partial == null) {
        partial = new Partial(key.copy(), handler.createAccumulators());
        partials.put(partial.key, partial);
      }
      handler.setAccumulators(partial.accumulators);
      current = partial;
    }
    if (input.kind() == RowKind.UPDATE_BEFORE || input.kind() == RowKind.DELETE) {
      // Partial accumulators may go below zero; the global phase adds them to the key's state.
      handler.retract(input);
    } else {
      handler.accumulate(input);
    }
    trigger.rowAdded();
  }

  private void storeCurrent() {
    if (current != null) {
      current.accumulators = handler.getAccumulators();
      current = null;
    }
  }

  @Override
  public void processWatermark(long watermark) throws Exception {
    trigger.fire();
    super.processWatermark(watermark);
  }

  @Override
  public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
    trigger.fire();
  }

  @Override
  public void finish() throws Exception {
    trigger.fire();
  }

  private void emitPartials() {
    storeCurrent();
    for (Partial partial : partials.values()) {
      output.collect(new JoinedRow(partial.key, partial.accumulators), Output.NO_TIMESTAMP);
    }
    partials.clear();
  }

  @Override
  public void close() throws Exception {
    if (handler != null) {
      handler.close();
    }
  }
}
