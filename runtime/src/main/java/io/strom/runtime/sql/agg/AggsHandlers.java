package io.strom.runtime.sql.agg;

import io.strom.api.state.MapState;
import io.strom.api.state.MapStateDescriptor;
import io.strom.api.typeinfo.TypeInfo;
import io.strom.api.typeinfo.Types;
import io.strom.data.BinaryRow;
import io.strom.runtime.generated.GeneratedClass;
import io.strom.runtime.sql.StateTimeToLive;
import io.strom.runtime.state.KeyedStateAccess;

/** Creates the generated aggregate functions of an operator, with their state bound to its keys. */
public final class AggsHandlers {
  private AggsHandlers() {}

  /**
   * Instantiates and opens {@code code}; the views it asks for are map states of {@code keys},
   * expiring after {@code ttlMillis} of idleness when positive.
   */
  public static AggsHandler open(
      GeneratedClass<AggsHandler> code,
      ClassLoader classLoader,
      KeyedStateAccess<BinaryRow> keys,
      long ttlMillis) throws Exception {
    AggsHandler handler = code.newInstance(classLoader);
    handler.open(
        (name, valueType) -> {
          MapStateDescriptor<BinaryRow, Long> view =
              new MapStateDescriptor<>(name, binaryRows(valueType), Types.LONG);
          StateTimeToLive.apply(view, ttlMillis);
          MapState<BinaryRow, Long> state = keys.getMapState(view);
          return state;
        });
    return handler;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static TypeInfo<BinaryRow> binaryRows(io.strom.types.RowType type) {
    // Row serializers read binary rows back, so map keys keep equal bytes across a restore.
    return (TypeInfo) Types.row(type);
  }
}
