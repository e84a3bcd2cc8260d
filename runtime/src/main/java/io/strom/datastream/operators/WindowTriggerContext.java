package io.strom.datastream.operators;

import io.strom.api.state.ReducingState;
import io.strom.api.state.ReducingStateDescriptor;
import io.strom.api.state.ValueState;
import io.strom.api.state.ValueStateDescriptor;
import io.strom.datastream.windowing.triggers.Trigger;
import io.strom.datastream.windowing.windows.Window;
import io.strom.runtime.state.InternalReducingState;
import io.strom.runtime.state.InternalValueState;
import io.strom.runtime.state.KeyedStateBackend;
import io.strom.runtime.time.InternalTimerService;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The context a {@link WindowOperator} gives its trigger: timers and state scoped to the key and
 * window currently set. One instance per operator instance, re-pointed before each trigger call, so
 * trigger calls allocate nothing. Used on the task's thread.
 */
final class WindowTriggerContext<K, W extends Window> implements Trigger.OnMergeContext {
  private final InternalTimerService<K, W> timers;
  private final KeyedStateBackend<K> backend;
  // The adapters for the trigger's states, by state name; created on first use.
  private final Map<String, Object> states = new HashMap<>();

  private K key;
  private W window;
  private Collection<W> mergedWindows = List.of();

  WindowTriggerContext(InternalTimerService<K, W> timers, KeyedStateBackend<K> backend) {
    this.timers = timers;
    this.backend = backend;
  }

  /** Points the context at a key and window. */
  void set(K key, W window) {
    this.key = key;
    this.window = window;
    this.mergedWindows = List.of();
  }

  /** Points the context at the result of a merge and the windows merged into it. */
  void setMerge(K key, W mergeResult, Collection<W> mergedWindows) {
    this.key = key;
    this.window = mergeResult;
    this.mergedWindows = mergedWindows;
  }

  @Override
  public long currentProcessingTime() {
    return timers.currentProcessingTime();
  }

  @Override
  public long currentWatermark() {
    return timers.currentWatermark();
  }

  @Override
  public void registerEventTimeTimer(long time) {
    timers.registerEventTimeTimer(key, window, time);
  }

  @Override
  public void registerProcessingTimeTimer(long time) {
    timers.registerProcessingTimeTimer(key, window, time);
  }

  @Override
  public void deleteEventTimeTimer(long time) {
    timers.deleteEventTimeTimer(key, window, time);
  }

  @Override
  public void deleteProcessingTimeTimer(long time) {
    timers.deleteProcessingTimeTimer(key, window, time);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <S> ValueState<S> getState(ValueStateDescriptor<S> descriptor) {
    Object state = states.get(descriptor.name());
    if (state == null) {
      state = new WindowValueState<S>(backend.valueState(descriptor));
      states.put(descriptor.name(), state);
    }
    return (ValueState<S>) state;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <S> ReducingState<S> getReducingState(ReducingStateDescriptor<S> descriptor) {
    Object state = states.get(descriptor.name());
    if (state == null) {
      state = new WindowReducingState<S>(backend.reducingState(descriptor), descriptor.name());
      states.put(descriptor.name(), state);
    }
    return (ReducingState<S>) state;
  }

  @Override
  public <S> void mergeReducingState(ReducingStateDescriptor<S> descriptor) throws Exception {
    if (!mergedWindows.isEmpty()) {
      InternalReducingState<K, W, S> state = backend.reducingState(descriptor);
      state.mergeNamespaces(key, window, mergedWindows);
    }
  }

  /** Value state of the context's current key and window. */
  private final class WindowValueState<S> implements ValueState<S> {
    private final InternalValueState<K, W, S> state;

    WindowValueState(InternalValueState<K, W, S> state) {
      this.state = state;
    }

    @Override
    public S value() {
      return state.get(key, window);
    }

    @Override
    public void update(S value) {
      state.update(key, window, value);
    }

    @Override
    public void clear() {
      state.clear(key, window);
    }
  }

  /** Reducing state of the context's current key and window. */
  private final class WindowReducingState<S> implements ReducingState<S> {
    private final InternalReducingState<K, W, S> state;
    private final String name;

    WindowReducingState(InternalReducingState<K, W, S> state, String name) {
      this.state = state;
      this.name = name;
    }

    @Override
    public S get() {
      return state.get(key, window);
    }

    @Override
    public void add(S value) {
      try {
        state.add(key, window, value);
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        // ReducingState.add declares no checked exception; keep the reduce function's as cause.
        throw new IllegalStateException("Reducing into trigger state '" + name + "' failed", e);
      }
    }

    @Override
    public void clear() {
      state.clear(key, window);
    }
  }
}
