package io.strom.runtime.sql.agg;

import static java.util.Objects.requireNonNull;

import io.strom.api.functions.KeySelector;
import io.strom.api.state.ValueState;
import io.strom.api.state.ValueStateDescriptor;
import io.strom.api.typeinfo.Types;
import io.strom.data.BinaryRow;
import io.strom.data.Row;
import io.strom.data.RowKind;
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
 * A SQL group aggregation that buffers its input for a mini-batch and then applies each key's rows
 * at once: one state read and one write per key and batch, and one change per key and batch (the
 * result after all its rows) instead of one per row. The final result per key is that of {@link
 * GroupAggOperator}; only intermediate updates are left out.
 *
 * <p>A batch is applied when it is full, when the allowed latency has passed, on a watermark,
 * before a checkpoint barrier is sent (so nothing buffered is missing from a snapshot) and at the
 * end of input.
 */
public final class MiniBatchGroupAggOperator extends AbstractOperator<Row>
    implements OneInputOperator<Row, Row> {
  private static final long serialVersionUID = 1L;

  private final GeneratedClass<AggsHandler> handlerCode;
  private final RowType accumulatorType;
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

  /** See {@link GroupAggOperator#GroupAggOperator}; {@code miniBatch} says when batches apply. */
  public MiniBatchGroupAggOperator(
      GeneratedClass<AggsHandler> handlerCode,
      RowType accumulatorType,
      boolean generateUpdateBefore,
      long stateTtlMillis,
      MiniBatch miniBatch) {
    this.handlerCode = requireNonNull(handlerCode, "handlerCode");
    this.accumulatorType = requireNonNull(accumulatorType, "accumulatorType");
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
  public void processElement(Row input, long timestamp) throws Exception {
    buffer.add(keySelector.getKey(input), input);
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
      applyKey(entry.getKey(), entry.getValue());
    }
    buffer.clear();
  }

  private void applyKey(BinaryRow key, List<Row> rows) throws Exception {
    keys.setCurrentKey(key);
    Row stored = accumulators.value();
    boolean newKey = stored == null;
    int first = 0;
    if (newKey) {
      // Retractions of rows this key never counted (its state expired) have nothing to undo.
      while (first < rows.size() && isRetraction(rows.get(first))) {
        first++;
      }
      if (first == rows.size()) {
        return;
      }
      stored = handler.createAccumulators();
    }
    handler.setAccumulators(stored);
    Row previous = newKey ? null : handler.getValue(key);
    for (int i = first; i < rows.size(); i++) {
      Row row = rows.get(i);
      if (isRetraction(row)) {
        handler.retract(row);
      } else {
        handler.accumulate(row);
      }
    }
    if (handler.recordCountIsZero()) {
      emitter.deleted(previous);
      accumulators.clear();
      handler.cleanup();
      return;
    }
    accumulators.update(handler.getAccumulators());
    emitter.changed(previous, handler.getValue(key));
  }

  private static boolean isRetraction(Row row) {
    return row.kind() == RowKind.UPDATE_BEFORE || row.kind() == RowKind.DELETE;
  }

  @Override
  public void close() throws Exception {
    if (handler != null) {
      handler.close();
    }
  }
}
