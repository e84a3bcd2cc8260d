package io.strom.runtime.state.heap;

import static java.util.Objects.requireNonNull;

import io.strom.api.state.AggregatingStateDescriptor;
import io.strom.api.state.ListStateDescriptor;
import io.strom.api.state.MapStateDescriptor;
import io.strom.api.state.ReducingStateDescriptor;
import io.strom.api.state.StateDescriptor;
import io.strom.api.state.ValueStateDescriptor;
import io.strom.runtime.state.InternalAggregatingState;
import io.strom.runtime.state.InternalListState;
import io.strom.runtime.state.InternalMapState;
import io.strom.runtime.state.InternalReducingState;
import io.strom.runtime.state.InternalValueState;
import io.strom.runtime.state.KeyGroupRange;
import io.strom.runtime.state.KeyedStateBackend;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Keyed state kept as Java objects on the heap: each named state is a set of per-key-group hash
 * tables addressed by (key, namespace) without allocating a composite key per access.
 *
 * <p>Time-to-live is measured on the processing-time clock given at construction. Expired values
 * are removed when read, and every access to a state with a time-to-live also examines a few
 * entries of that state, so entries of keys that are never read again are removed eventually.
 *
 * <p>Used only on the task's thread; {@link #entryCount} may be read from elsewhere for
 * diagnostics, without guarantees of freshness.
 */
public final class HeapKeyedStateBackend<K> implements KeyedStateBackend<K> {
  private final KeyGroupRange keyGroupRange;
  private final int maxParallelism;
  private final LongSupplier clock;
  private final Map<String, AbstractHeapState<K, ?>> states = new LinkedHashMap<>();
  private boolean closed;

  /**
   * @param keyGroupRange the key groups of this subtask; keys outside it are rejected as a bug
   * @param maxParallelism the number of key groups of the job
   * @param clock processing time in epoch milliseconds, for time-to-live
   */
  public HeapKeyedStateBackend(
      KeyGroupRange keyGroupRange, int maxParallelism, LongSupplier clock) {
    this.keyGroupRange = requireNonNull(keyGroupRange, "keyGroupRange");
    this.clock = requireNonNull(clock, "clock");
    if (maxParallelism <= 0) {
      throw new IllegalArgumentException("Max parallelism must be positive: " + maxParallelism);
    }
    if (keyGroupRange.size() > 0 && keyGroupRange.last() >= maxParallelism) {
      throw new IllegalArgumentException(
          "Key group range " + StateTable.describe(keyGroupRange)
              + " exceeds the max parallelism " + maxParallelism);
    }
    this.maxParallelism = maxParallelism;
  }

  @Override
  public KeyGroupRange keyGroupRange() {
    return keyGroupRange;
  }

  @Override
  public int maxParallelism() {
    return maxParallelism;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <N, V> InternalValueState<K, N, V> valueState(ValueStateDescriptor<V> descriptor) {
    return (InternalValueState<K, N, V>)
        getOrCreate(
            descriptor,
            StateKind.VALUE,
            ttl -> new HeapValueState<>(descriptor.name(), newTable(descriptor), ttl));
  }

  @Override
  @SuppressWarnings("unchecked")
  public <N, V> InternalListState<K, N, V> listState(ListStateDescriptor<V> descriptor) {
    return (InternalListState<K, N, V>)
        getOrCreate(
            descriptor,
            StateKind.LIST,
            ttl -> new HeapListState<>(descriptor.name(), newTable(descriptor), ttl));
  }

  @Override
  @SuppressWarnings("unchecked")
  public <N, UK, UV> InternalMapState<K, N, UK, UV> mapState(
      MapStateDescriptor<UK, UV> descriptor) {
    return (InternalMapState<K, N, UK, UV>)
        getOrCreate(
            descriptor,
            StateKind.MAP,
            ttl -> new HeapMapState<>(descriptor.name(), newTable(descriptor), ttl));
  }

  @Override
  @SuppressWarnings("unchecked")
  public <N, V> InternalReducingState<K, N, V> reducingState(
      ReducingStateDescriptor<V> descriptor) {
    return (InternalReducingState<K, N, V>)
        getOrCreate(
            descriptor,
            StateKind.REDUCING,
            ttl ->
                new HeapReducingState<>(
                    descriptor.name(), newTable(descriptor), ttl, descriptor.reduceFunction()));
  }

  @Override
  @SuppressWarnings("unchecked")
  public <N, IN, ACC, OUT> InternalAggregatingState<K, N, IN, ACC, OUT> aggregatingState(
      AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
    return (InternalAggregatingState<K, N, IN, ACC, OUT>)
        getOrCreate(
            descriptor,
            StateKind.AGGREGATING,
            ttl ->
                new HeapAggregatingState<>(
                    descriptor.name(), newTable(descriptor), ttl, descriptor.aggregateFunction()));
  }

  private AbstractHeapState<K, ?> getOrCreate(
      StateDescriptor<?> descriptor,
      StateKind kind,
      Function<TtlPolicy, AbstractHeapState<K, ?>> factory) {
    if (closed) {
      throw new IllegalStateException(
          "Bug: state '" + descriptor.name() + "' requested from a closed state backend");
    }
    AbstractHeapState<K, ?> existing = states.get(descriptor.name());
    if (existing != null) {
      if (existing.kind() != kind) {
        throw new IllegalStateException(
            "State '" + descriptor.name() + "' already exists as " + existing.kind().label
                + " state and cannot be used as " + kind.label
                + " state; give each state of an operator its own name");
      }
      return existing;
    }
    AbstractHeapState<K, ?> created = factory.apply(TtlPolicy.of(descriptor.ttl(), clock));
    states.put(descriptor.name(), created);
    return created;
  }

  private <N> StateTable<K, N> newTable(StateDescriptor<?> descriptor) {
    return new StateTable<>(descriptor.name(), keyGroupRange, maxParallelism);
  }

  /** The names of the states created so far, in creation order. */
  public Set<String> stateNames() {
    return Collections.unmodifiableSet(states.keySet());
  }

  /**
   * The number of (key, namespace) entries a state stores, counting expired entries not yet
   * cleaned up; 0 for a state that does not exist.
   */
  public int entryCount(String stateName) {
    AbstractHeapState<K, ?> state = states.get(stateName);
    return state == null ? 0 : state.entryCount();
  }

  /** The number of (key, namespace) entries over all states. */
  public long totalEntryCount() {
    long total = 0;
    for (AbstractHeapState<K, ?> state : states.values()) {
      total += state.entryCount();
    }
    return total;
  }

  /**
   * Visits the stored entries of one state in one key group of this backend's range, e.g. to write
   * a snapshot of that key group. The visitor must not modify the state.
   */
  public void forEachEntry(String stateName, int keyGroup, EntryVisitor<K> visitor) {
    AbstractHeapState<K, ?> state = states.get(stateName);
    if (state == null) {
      throw new IllegalArgumentException(
          "No state named '" + stateName + "'; have " + states.keySet());
    }
    state.forEachInKeyGroup(
        keyGroup, e -> visitor.visit(e.key, e.namespace, e.value, e.timestamp));
  }

  /** Releases all state; the backend cannot be used afterwards. */
  @Override
  public void close() {
    closed = true;
    states.clear();
  }

  /** Receives stored entries from {@link #forEachEntry}. */
  @FunctionalInterface
  public interface EntryVisitor<K> {
    /**
     * @param storedValue the value in its stored form: the value itself for value, reducing and
     *     aggregating state (the accumulator); for list and map state an internal collection
     *     holding per-element timestamps when the state has a time-to-live
     * @param timestamp when the entry was last renewed, for single-value kinds with time-to-live
     */
    void visit(K key, Object namespace, Object storedValue, long timestamp);
  }
}
