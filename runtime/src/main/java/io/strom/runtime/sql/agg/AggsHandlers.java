package io.strom.runtime.sql.agg;

import io.strom.api.functions.FunctionContext;
import io.strom.api.state.MapState;
import io.strom.api.state.MapStateDescriptor;
import io.strom.api.typeinfo.TypeInfo;
import io.strom.api.typeinfo.Types;
import io.strom.data.BinaryRow;
import io.strom.runtime.generated.GeneratedClass;
import io.strom.runtime.sql.StateTimeToLive;
import io.strom.runtime.state.KeyedStateAccess;
import io.strom.runtime.state.KeyedStateBackend;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.LongSupplier;

/** Creates the generated aggregate functions of an operator, with their state bound to its keys. */
public final class AggsHandlers {
  private AggsHandlers() {}

  /**
   * Instantiates and opens {@code code}, with user-defined aggregate functions opened in a UTC
   * context without job parameters; see {@link #open(GeneratedClass, FunctionContext,
   * KeyedStateAccess, long)}.
   */
  public static AggsHandler open(
      GeneratedClass<AggsHandler> code,
      ClassLoader classLoader,
      KeyedStateAccess<BinaryRow> keys,
      long ttlMillis) throws Exception {
    return open(code, new FunctionContext(ZoneOffset.UTC, Map.of(), classLoader), keys, ttlMillis);
  }

  /**
   * Instantiates and opens {@code code}: the views it asks for are map states of {@code keys},
   * expiring after {@code ttlMillis} of idleness when positive; user-defined aggregate functions
   * open with {@code functionContext}, whose class loader compiles the code.
   */
  public static AggsHandler open(
      GeneratedClass<AggsHandler> code,
      FunctionContext functionContext,
      KeyedStateAccess<BinaryRow> keys,
      long ttlMillis) throws Exception {
    AggsHandler handler = code.newInstance(functionContext.userClassLoader());
    handler.open(new AggsContext() {
      @Override
      public MapState<BinaryRow, Long> countingMap(String name, io.strom.types.RowType valueType) {
        MapStateDescriptor<BinaryRow, Long> view =
            new MapStateDescriptor<>(name, binaryRows(valueType), Types.LONG);
        StateTimeToLive.apply(view, ttlMillis);
        return keys.getMapState(view);
      }

      @Override
      public MapState<BinaryRow, long[]> distinctCounts(
          String name, io.strom.types.RowType valueType) {
        MapStateDescriptor<BinaryRow, long[]> view =
            new MapStateDescriptor<>(name, binaryRows(valueType), DistinctCounts.TYPE);
        StateTimeToLive.apply(view, ttlMillis);
        return keys.getMapState(view);
      }

      @Override
      public void refuseOlderLayout(String name) {
        if (keys.hasUndeclaredRestoredState(name)) {
          throw new IllegalStateException("The checkpoint holds the aggregation's state '" + name
              + "' in an older layout, which this version does not read; start the query without"
              + " restoring that checkpoint, or restore it with the version that wrote it");
        }
      }

      @Override
      public FunctionContext functionContext() {
        return functionContext;
      }
    });
    return handler;
  }

  /**
   * Instantiates and opens {@code code} for an operator that keeps several windows per key: the
   * views it asks for are map states of {@code backend}, for the key {@code keys} is bound to and
   * the window {@code window} gives (its end) when they are read or written. They have no time to
   * live: a window's views go when it fires ({@link AggsHandler#cleanup}).
   */
  public static AggsHandler openPerWindow(
      GeneratedClass<AggsHandler> code,
      FunctionContext functionContext,
      KeyedStateBackend<BinaryRow> backend,
      KeyedStateAccess<BinaryRow> keys,
      LongSupplier window) throws Exception {
    AggsHandler handler = code.newInstance(functionContext.userClassLoader());
    handler.open(new AggsContext() {
      @Override
      public MapState<BinaryRow, Long> countingMap(String name, io.strom.types.RowType valueType) {
        return new WindowMapState<>(backend.<Long, BinaryRow, Long>mapState(
            new MapStateDescriptor<>(name, binaryRows(valueType), Types.LONG)), keys, window);
      }

      @Override
      public MapState<BinaryRow, long[]> distinctCounts(
          String name, io.strom.types.RowType valueType) {
        return new WindowMapState<>(backend.<Long, BinaryRow, long[]>mapState(
            new MapStateDescriptor<>(name, binaryRows(valueType), DistinctCounts.TYPE)), keys,
            window);
      }

      @Override
      public void refuseOlderLayout(String name) {
        // Views per window came with this layout: no checkpoint holds an older one.
      }

      @Override
      public FunctionContext functionContext() {
        return functionContext;
      }
    });
    return handler;
  }

  /**
   * Instantiates and opens {@code code} for an operator without keyed state (a local
   * aggregation): its functions must keep nothing beyond their accumulators.
   */
  public static AggsHandler openWithoutState(
      GeneratedClass<AggsHandler> code, FunctionContext functionContext) throws Exception {
    AggsHandler handler = code.newInstance(functionContext.userClassLoader());
    handler.open(new AggsContext() {
      @Override
      public MapState<BinaryRow, Long> countingMap(String name, io.strom.types.RowType valueType) {
        return noStateInLocalAggregation(name);
      }

      @Override
      public MapState<BinaryRow, long[]> distinctCounts(
          String name, io.strom.types.RowType valueType) {
        return noStateInLocalAggregation(name);
      }

      @Override
      public void refuseOlderLayout(String name) {
        // A local aggregation keeps no state, so no checkpoint holds any of it.
      }

      @Override
      public FunctionContext functionContext() {
        return functionContext;
      }
    });
    return handler;
  }

  private static <T> T noStateInLocalAggregation(String name) {
    throw new IllegalStateException("Bug: aggregate functions that keep values in state ("
        + name + ") cannot run in a local aggregation");
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static TypeInfo<BinaryRow> binaryRows(io.strom.types.RowType type) {
    // Row serializers read binary rows back, so map keys keep equal bytes across a restore.
    return (TypeInfo) Types.row(type);
  }
}
