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
 * A group aggregation that buffers its input per key for a mini-batch and then applies each key's
 * rows at once: one state read and one write per key and batch, and one change per key and batch.
 * A batch is applied when it is full, when the allowed latency has passed, on a watermark, before
 * a checkpoint barrier is sent (so nothing buffered is missing from a snapshot) and at the end of
 * input. Subclasses say how a key's buffered rows reach its accumulators.
 */
abstract class BufferedGroupAggOperator extends AbstractOperator<Row>
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
  /** The generated functions, switched to the current key's accumulators by {@link #applyKey}. */
  protected transient AggsHandler handler;
  private transient KeyedRowBuffer buffer;
  private transient MiniBatchTrigger trigger;
  private transient AggResultEmitter emitter;

  BufferedGroupAggOperator(
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
      BinaryRow key = entry.getKey();
      keys.setCurrentKey(key);
      applyKey(key, accumulators.value(), entry.getValue());
    }
    buffer.clear();
  }

  /**
   * Applies a key's buffered rows; the key is current. Calls {@link #store} when the handler holds
   * the key's new accumulators.
   *
   * @param stored the key's accumulators in state, or null for a new (or expired) key
   */
  abstract void applyKey(BinaryRow key, Row stored, List<Row> rows) throws Exception;

  /**
   * Keeps the handler's accumulators as the key's and emits how its result changed; a key that
   * has lost all its rows (never over an insert-only input) is deleted.
   *
   * @param previous the key's result before the batch, or null for a new key
   */
  final void store(BinaryRow key, Row previous) throws Exception {
    if (handler.recordCountIsZero()) {
      emitter.deleted(previous);
      accumulators.clear();
      handler.cleanup();
      return;
    }
    accumulators.update(handler.getAccumulators());
    emitter.changed(previous, handler.getValue(key));
  }

  @Override
  public void close() throws Exception {
    if (handler != null) {
      handler.close();
    }
  }
}
