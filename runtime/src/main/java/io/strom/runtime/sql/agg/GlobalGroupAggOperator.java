package io.strom.runtime.sql.agg;

import static java.util.Objects.requireNonNull;

import io.strom.api.functions.KeySelector;
import io.strom.api.state.ValueState;
import io.strom.api.state.ValueStateDescriptor;
import io.strom.api.typeinfo.Types;
import io.strom.data.BinaryRow;
import io.strom.data.Row;
import io.strom.runtime.generated.GeneratedClass;
import io.strom.runtime.operators.AbstractOperator;
import io.strom.runtime.operators.OneInputOperator;
import io.strom.runtime.sql.SqlFunctions;
import io.strom.runtime.sql.StateTimeToLive;
import io.strom.runtime.state.KeyedStateAccess;
import io.strom.types.RowType;
import java.util.List;
import java.util.Map;

/**
 * The second phase of a two-phase group aggregation, after the exchange by key: it buffers the
 * partial rows of {@link LocalGroupAggOperator}s (key fields, then accumulators) for a mini-batch,
 * then merges each key's partials into the key's accumulators in state — one read and one write
 * per key and batch — and emits the key's new result, as {@link GroupAggOperator} would: over a
 * retracting input the merged row count tells when a key has lost all its rows, which deletes it.
 */
public final class GlobalGroupAggOperator extends AbstractOperator<Row>
    implements OneInputOperator<Row, Row> {
  private static final long serialVersionUID = 1L;

  private final GeneratedClass<AggsHandler> handlerCode;
  private final RowType accumulatorType;
  private final int keyArity;
  private final boolean generateUpdateBefore;
  private final long stateTtlMillis;
  private final MiniBatch miniBatch;

  private transient KeySelector<Row, BinaryRow> keySelector;
  private transient KeyedStateAccess<BinaryRow> keys;
  private transient ValueState<Row> accumulators;
  private transient AggsHandler handler;
  private transient KeyedRowBuffer buffer;
  private transient MiniBatchTrigger trigger;
  private transient AggResultEmitter emitter;

  /**
   * @param keyArity how many key fields lead each partial row; its accumulators follow
   * @see GroupAggOperator#GroupAggOperator
   */
  public GlobalGroupAggOperator(
      GeneratedClass<AggsHandler> handlerCode,
      RowType accumulatorType,
      int keyArity,
      boolean generateUpdateBefore,
      long stateTtlMillis,
      MiniBatch miniBatch) {
    this.handlerCode = requireNonNull(handlerCode, "handlerCode");
    this.accumulatorType = requireNonNull(accumulatorType, "accumulatorType");
    this.keyArity = keyArity;
    this.generateUpdateBefore = generateUpdateBefore;
    this.stateTtlMillis = stateTtlMillis;
    this.miniBatch = requireNonNull(miniBatch, "miniBatch");
  }

  @Override
  protected void setup() throws Exception {
    keySelector = context.keySelector(0);
    keys = new KeyedStateAccess<>(context.<BinaryRow>keyedStateBackend(), context.operatorName());
    ValueStateDescriptor<Row> descriptor =
        new ValueStateDescriptor<>("accumulators", Types.row(accumulatorType));
    StateTimeToLive.apply(descriptor, stateTtlMillis);
    accumulators = keys.getState(descriptor);
    handler = AggsHandlers.open(
        handlerCode, SqlFunctions.functionContext(context), keys, stateTtlMillis);
    buffer = new KeyedRowBuffer();
    trigger = new MiniBatchTrigger(miniBatch.maxRows(), miniBatch.allowLatencyMillis(),
        context.processingTimeService(), this::applyBatch);
    emitter = new AggResultEmitter(output, generateUpdateBefore, stateTtlMillis);
  }

  @Override
  public void processElement(Row partial, long timestamp) throws Exception {
    buffer.add(keySelector.getKey(partial), partial);
    trigger.rowAdded();
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

  private void applyBatch() throws Exception {
    for (Map.Entry<BinaryRow, List<Row>> entry : buffer.byKey().entrySet()) {
      BinaryRow key = entry.getKey();
      keys.setCurrentKey(key);
      Row stored = accumulators.value();
      Row previous = null;
      if (stored == null) {
        handler.setAccumulators(handler.createAccumulators());
      } else {
        handler.setAccumulators(stored);
        previous = handler.getValue(key);
      }
      for (Row partial : entry.getValue()) {
        handler.merge(partial, keyArity);
      }
      if (handler.recordCountIsZero()) {
        // Every row of the key was retracted (never true over an insert-only input).
        emitter.deleted(previous);
        accumulators.clear();
        handler.cleanup();
        continue;
      }
      accumulators.update(handler.getAccumulators());
      emitter.changed(previous, handler.getValue(key));
    }
    buffer.clear();
  }

  @Override
  public void close() throws Exception {
    if (handler != null) {
      handler.close();
    }
  }
}
