package io.strom.runtime.state;

import static java.util.Objects.requireNonNull;

import io.strom.api.state.AggregatingState;
import io.strom.api.state.AggregatingStateDescriptor;
import io.strom.api.state.ListState;
import io.strom.api.state.ListStateDescriptor;
import io.strom.api.state.MapState;
import io.strom.api.state.MapStateDescriptor;
import io.strom.api.state.ReducingState;
import io.strom.api.state.ReducingStateDescriptor;
import io.strom.api.state.ValueState;
import io.strom.api.state.ValueStateDescriptor;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * User-facing keyed state bound to a current key: the handles a keyed operator gives user
 * functions (through {@code RuntimeContext}), which read and write the state of whichever key the
 * operator set last with {@link #setCurrentKey}, in the {@link VoidNamespace}.
 *
 * <p>The operator sets the key before each call into user code: the record's key for a record,
 * the timer's key for a timer. Used only on the task's thread.
 */
public final class KeyedStateAccess<K> {
  private final KeyedStateBackend<K> backend;
  private final String operatorName;
  private K currentKey;

  /**
   * @param backend the operator's keyed state
   * @param operatorName named in the error raised when state is used without a current key
   */
  public KeyedStateAccess(KeyedStateBackend<K> backend, String operatorName) {
    this.backend = requireNonNull(backend, "backend");
    this.operatorName = requireNonNull(operatorName, "operatorName");
  }

  /** Binds all handles of this access to {@code key} until the next call; null unbinds them. */
  public void setCurrentKey(K key) {
    this.currentKey = key;
  }

  /** See {@link KeyedStateBackend#hasUndeclaredRestoredState}. */
  public boolean hasUndeclaredRestoredState(String name) {
    return backend.hasUndeclaredRestoredState(name);
  }

  /** The bound key; fails when none is bound, which means state was used outside a keyed call. */
  public K currentKey() {
    K key = currentKey;
    if (key == null) {
      throw new IllegalStateException(
          "Operator '" + operatorName + "' used keyed state outside the processing of a keyed"
              + " record or timer; use state only in the element and timer callbacks");
    }
    return key;
  }

  public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
    InternalValueState<K, VoidNamespace, T> state = backend.valueState(descriptor);
    return new ValueState<>() {
      @Override
      public T value() {
        return state.get(currentKey(), VoidNamespace.INSTANCE);
      }

      @Override
      public void update(T value) {
        state.update(currentKey(), VoidNamespace.INSTANCE, value);
      }

      @Override
      public void clear() {
        state.clear(currentKey(), VoidNamespace.INSTANCE);
      }
    };
  }

  public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
    InternalListState<K, VoidNamespace, T> state = backend.listState(descriptor);
    return new ListState<>() {
      @Override
      public Iterable<T> get() {
        List<T> list = state.get(currentKey(), VoidNamespace.INSTANCE);
        return list == null ? Collections.emptyList() : Collections.unmodifiableList(list);
      }

      @Override
      public void add(T value) {
        state.add(currentKey(), VoidNamespace.INSTANCE, value);
      }

      @Override
      public void addAll(List<T> values) {
        state.addAll(currentKey(), VoidNamespace.INSTANCE, values);
      }

      @Override
      public void update(List<T> values) {
        state.update(currentKey(), VoidNamespace.INSTANCE, values);
      }

      @Override
      public void clear() {
        state.clear(currentKey(), VoidNamespace.INSTANCE);
      }
    };
  }

  public <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> descriptor) {
    InternalMapState<K, VoidNamespace, UK, UV> state = backend.mapState(descriptor);
    return new MapState<>() {
      @Override
      public UV get(UK key) {
        return state.get(currentKey(), VoidNamespace.INSTANCE, key);
      }

      @Override
      public void put(UK key, UV value) {
        state.put(currentKey(), VoidNamespace.INSTANCE, key, value);
      }

      @Override
      public void remove(UK key) {
        state.remove(currentKey(), VoidNamespace.INSTANCE, key);
      }

      @Override
      public boolean contains(UK key) {
        return state.contains(currentKey(), VoidNamespace.INSTANCE, key);
      }

      @Override
      public Iterable<Map.Entry<UK, UV>> entries() {
        return state.entries(currentKey(), VoidNamespace.INSTANCE);
      }

      @Override
      public boolean isEmpty() {
        return state.isEmpty(currentKey(), VoidNamespace.INSTANCE);
      }

      @Override
      public void clear() {
        state.clear(currentKey(), VoidNamespace.INSTANCE);
      }
    };
  }

  public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
    InternalReducingState<K, VoidNamespace, T> state = backend.reducingState(descriptor);
    String name = descriptor.name();
    return new ReducingState<>() {
      @Override
      public T get() {
        return state.get(currentKey(), VoidNamespace.INSTANCE);
      }

      @Override
      public void add(T value) {
        try {
          state.add(currentKey(), VoidNamespace.INSTANCE, value);
        } catch (RuntimeException e) {
          throw e;
        } catch (Exception e) {
          throw functionFailed(name, e);
        }
      }

      @Override
      public void clear() {
        state.clear(currentKey(), VoidNamespace.INSTANCE);
      }
    };
  }

  public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(
      AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
    InternalAggregatingState<K, VoidNamespace, IN, ACC, OUT> state =
        backend.aggregatingState(descriptor);
    String name = descriptor.name();
    return new AggregatingState<>() {
      @Override
      public OUT get() {
        return state.get(currentKey(), VoidNamespace.INSTANCE);
      }

      @Override
      public void add(IN value) {
        try {
          state.add(currentKey(), VoidNamespace.INSTANCE, value);
        } catch (RuntimeException e) {
          throw e;
        } catch (Exception e) {
          throw functionFailed(name, e);
        }
      }

      @Override
      public void clear() {
        state.clear(currentKey(), VoidNamespace.INSTANCE);
      }
    };
  }

  /** The user-facing state API declares no checked exceptions; a user function's is wrapped. */
  private RuntimeException functionFailed(String stateName, Exception cause) {
    return new RuntimeException(
        "The function of state '" + stateName + "' in operator '" + operatorName + "' failed: "
            + cause.getMessage(),
        cause);
  }
}
