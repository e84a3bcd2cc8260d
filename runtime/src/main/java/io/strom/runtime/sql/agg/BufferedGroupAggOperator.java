package io.strom.runtime.sql.agg;

import static java.util.Objects.requireNonNull;

import io.strom.api.functions.KeySelector;
import io.strom.data.BinaryRow;
import io.strom.data.Row;
import io.strom.runtime.generated.GeneratedClass;
import io.strom.runtime.operators.AbstractOperator;
import io.strom.runtime.operators.OneInputOperator;
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
  /** The keys' accumulators; {@link #applyKey} moves a key's rows into them. */
  protected transient GroupAggState state;
  private transient KeyedRowBuffer buffer;
  private transient MiniBatchTrigger trigger;

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
    state = new GroupAggState(
        context, output, handlerCode, accumulatorType, generateUpdateBefore, stateTtlMillis);
    buffer = new KeyedRowBuffer();
    trigger = new MiniBatchTrigger(miniBatch.maxRows(), miniBatch.allowLatencyMillis(),
        context.processingTimeService(), this::applyBatch);
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
      applyKey(key, state.stored(key), entry.getValue());
    }
    buffer.clear();
  }

  /**
   * Applies a key's buffered rows; the key is current. Ends with {@link GroupAggState#store} when
   * the handler holds the key's new accumulators.
   *
   * @param stored the key's accumulators in state, or null for a new (or expired) key
   */
  abstract void applyKey(BinaryRow key, Row stored, List<Row> rows) throws Exception;

  @Override
  public void close() throws Exception {
    if (state != null) {
      state.close();
    }
  }
}
