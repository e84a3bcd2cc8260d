package io.strom.runtime.sql.agg;

import io.strom.api.state.ValueState;
import io.strom.api.state.ValueStateDescriptor;
import io.strom.api.typeinfo.Types;
import io.strom.data.BinaryRow;
import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.data.RowKind;
import io.strom.runtime.generated.GeneratedClass;
import io.strom.runtime.operators.OperatorContext;
import io.strom.runtime.operators.Output;
import io.strom.runtime.sql.SqlFunctions;
import io.strom.runtime.sql.StateTimeToLive;
import io.strom.runtime.state.KeyedStateAccess;
import io.strom.runtime.state.heap.HeapKeyedStateBackend;
import io.strom.types.RowType;

/**
 * What every group aggregation operator keeps per key — the accumulators of its generated
 * functions — and how it ends a key's turn: the new accumulators stored and the changed result
 * emitted, or the key deleted once it has lost all its rows. The operators differ only in how rows
 * reach the accumulators (one at a time, a batch, merged partials).
 */
final class GroupAggState {
  private final KeyedStateAccess<BinaryRow> keys;
  private final ValueState<Row> accumulators;
  /** The generated functions; {@link #stored} makes a key current, then they are set to its row. */
  final AggsHandler handler;
  private final AggResultEmitter emitter;
  /**
   * The accumulators row last stored, and a private copy (never emitted, kind INSERT) of the result
   * computed from it: when the next row is of the same key, the state hands back that very row, and
   * its result before is this copy rather than a second {@code getValue} per row. The backends
   * that hand back copies (RocksDB, a heap entry a snapshot shares) never match, and compute it.
   */
  private Row lastStored;
  private GenericRow lastResult;
  /** Whether the backend can hand back the row last stored (the heap); if not, no copy is kept. */
  private final boolean keepsLastResult;

  GroupAggState(
      OperatorContext<Row> context,
      Output<Row> output,
      GeneratedClass<AggsHandler> handlerCode,
      RowType accumulatorType,
      boolean generateUpdateBefore,
      long stateTtlMillis) throws Exception {
    keys = new KeyedStateAccess<>(context.<BinaryRow>keyedStateBackend(), context.operatorName());
    keepsLastResult = context.keyedStateBackend() instanceof HeapKeyedStateBackend;
    ValueStateDescriptor<Row> descriptor =
        new ValueStateDescriptor<>("accumulators", Types.row(accumulatorType));
    StateTimeToLive.apply(descriptor, stateTtlMillis);
    accumulators = keys.getState(descriptor);
    handler = AggsHandlers.open(
        handlerCode, SqlFunctions.functionContext(context), keys, stateTtlMillis);
    emitter = new AggResultEmitter(output, generateUpdateBefore, stateTtlMillis);
  }

  /** Makes {@code key} current and returns its accumulators, or null for a new (or expired) key. */
  Row stored(BinaryRow key) throws Exception {
    keys.setCurrentKey(key);
    return accumulators.value();
  }

  /**
   * Sets the handler to the current key's accumulators, {@code stored} or new ones when it is
   * null, and returns the key's result before, or null for a new key.
   */
  Row load(BinaryRow key, Row stored) throws Exception {
    if (stored == null) {
      handler.setAccumulators(handler.createAccumulators());
      return null;
    }
    handler.setAccumulators(stored);
    return stored == lastStored ? lastResult : handler.getValue(key);
  }

  /**
   * Keeps the handler's accumulators as the current key's and emits how its result changed; a key
   * that has lost all its rows (never over an insert-only input) is deleted.
   *
   * @param previous the key's result before, or null for a new key
   */
  void store(BinaryRow key, Row previous) throws Exception {
    if (handler.recordCountIsZero()) {
      emitter.deleted(previous);
      accumulators.clear();
      handler.cleanup();
      forgetLastResult();
      return;
    }
    Row stored = handler.getAccumulators();
    accumulators.update(stored);
    Row current = handler.getValue(key);
    boolean previousEmitted = emitter.changed(previous, current);
    rememberLastResult(stored, current, previousEmitted && previous == lastResult);
  }

  /** Keeps a private copy of {@code current}, reusing the last one unless it was emitted. */
  private void rememberLastResult(Row stored, Row current, boolean lastResultEmitted) {
    if (!keepsLastResult) {
      return;
    }
    if (!(current instanceof GenericRow result)) {
      forgetLastResult();
      return;
    }
    if (lastResult == null || lastResultEmitted || lastResult.arity() != result.arity()) {
      lastResult = new GenericRow(result.arity());
    }
    lastResult.setFieldsFrom(result);
    lastResult.setKind(RowKind.INSERT);
    lastStored = stored;
  }

  private void forgetLastResult() {
    lastStored = null;
    lastResult = null;
  }

  void close() throws Exception {
    handler.close();
  }

  static boolean isRetraction(Row row) {
    return row.kind() == RowKind.UPDATE_BEFORE || row.kind() == RowKind.DELETE;
  }
}
