package io.strom.runtime.sql.agg;

import static java.util.Objects.requireNonNull;

import io.strom.api.state.MapState;
import io.strom.data.BinaryRow;
import io.strom.runtime.state.InternalMapState;
import io.strom.runtime.state.KeyedStateAccess;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A map state of the current key and window: the view of generated aggregate functions in an
 * operator that keeps several windows per key, each window (named by its end) with values of its
 * own. Used only on the task's thread.
 */
final class WindowMapState<UK, UV> implements MapState<UK, UV> {
  private final InternalMapState<BinaryRow, Long, UK, UV> state;
  private final KeyedStateAccess<BinaryRow> keys;
  private final LongSupplier window;

  WindowMapState(
      InternalMapState<BinaryRow, Long, UK, UV> state,
      KeyedStateAccess<BinaryRow> keys,
      LongSupplier window) {
    this.state = requireNonNull(state, "state");
    this.keys = requireNonNull(keys, "keys");
    this.window = requireNonNull(window, "window");
  }

  @Override
  public UV get(UK key) {
    return state.get(keys.currentKey(), window.getAsLong(), key);
  }

  @Override
  public void put(UK key, UV value) {
    state.put(keys.currentKey(), window.getAsLong(), key, value);
  }

  @Override
  public void remove(UK key) {
    state.remove(keys.currentKey(), window.getAsLong(), key);
  }

  @Override
  public boolean contains(UK key) {
    return state.contains(keys.currentKey(), window.getAsLong(), key);
  }

  @Override
  public Iterable<Map.Entry<UK, UV>> entries() {
    return state.entries(keys.currentKey(), window.getAsLong());
  }

  @Override
  public boolean isEmpty() {
    return state.isEmpty(keys.currentKey(), window.getAsLong());
  }

  @Override
  public void clear() {
    state.clear(keys.currentKey(), window.getAsLong());
  }
}
