package io.strom.runtime.state.heap;

import static java.util.Objects.requireNonNull;

import io.strom.api.state.AggregatingStateDescriptor;
import io.strom.api.state.ListStateDescriptor;
import io.strom.api.state.MapStateDescriptor;
import io.strom.api.state.ReducingStateDescriptor;
import io.strom.api.state.StateDescriptor;
import io.strom.api.state.ValueStateDescriptor;
import io.strom.runtime.state.CheckpointableKeyedStateBackend;
import io.strom.runtime.state.InternalAggregatingState;
import io.strom.runtime.state.InternalListState;
import io.strom.runtime.state.InternalMapState;
import io.strom.runtime.state.InternalReducingState;
import io.strom.runtime.state.InternalValueState;
import io.strom.runtime.state.KeyGroupRange;
import io.strom.runtime.state.KeyGroupSnapshot;
import io.strom.runtime.state.KeyGroupStateFormat;
import io.strom.runtime.state.StateKind;
import io.strom.runtime.state.TtlPolicy;
import io.strom.serde.DataInputDeserializer;
import io.strom.serde.DataInputView;
import io.strom.serde.DataOutputSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;

/**
 * Keyed state kept as Java objects on the heap: each named state is a set of per-key-group hash
 * tables addressed by (key, namespace) without allocating a composite key per access.
 *
 * <p>Time-to-live is measured on the processing-time clock given at construction. Expired values
 * are removed when read, and every access to a state with a time-to-live also examines a few
 * entries of that state, so entries of keys that are never read again are removed eventually.
 *
 * <p>Checkpoints write and read state per key group ({@link #snapshotKeyGroup}, {@link
 * #restoreKeyGroup}). Restored bytes stay as they are until the operator declares the state again
 * (only its descriptor knows the value serializer); a state restored but not declared again is
 * written to later checkpoints from those bytes, so it is never lost.
 *
 * <p>Asynchronous snapshots are copy-on-write: {@link #capture} takes a view of every table in
 * time proportional to the number of states and key groups, without serializing, and the task
 * goes on while another thread writes that view. Until the snapshot is released, the tables copy
 * a slot array, or an entry with its value, before the task changes anything the snapshot shares
 * (see {@link KeyGroupTable}); without a running snapshot an access costs one version comparison.
 * States of immutable single values (a {@code Long} sum, a {@code String}) with up to about a
 * million entries are captured instead with an array of their values' references, one pass over their
 * slots: their accesses then need no check at all, which keeps a checkpoint's cost off the
 * per-record path of the commonest DataStream states (the check and its copy branch cost a keyed
 * sum up to a third of its throughput at parallelism 1). See {@link StateTable#capture}.
 *
 * <p>Used only on the task's thread, except what {@link #capture} returns; {@link #entryCount} may
 * be read from elsewhere for diagnostics, without guarantees of freshness.
 */
public final class HeapKeyedStateBackend<K> implements CheckpointableKeyedStateBackend<K> {
  private final KeyGroupRange keyGroupRange;
  private final int maxParallelism;
  private final LongSupplier clock;
  private final Map<String, AbstractHeapState<K, ?>> states = new LinkedHashMap<>();
  private final Map<String, HeapSnapshotSerde<K>> serdes = new HashMap<>();
  private final Map<String, RestoredState> restored = new LinkedHashMap<>();
  private final SnapshotVersions versions = new SnapshotVersions();
  private final int maxEntriesCapturedByValue;
  private boolean closed;

  /**
   * A state of immutable single values with up to this many entries in the subtask is captured
   * with its values' references, one pass over its entries on the task's thread (about 20 ms per
   * million entries measured, {@code bin/strom-bench heap-capture}); a larger one is copied on
   * write from its next capture on, so that the task's pause stops growing with the state.
   */
  static final int MAX_ENTRIES_CAPTURED_BY_VALUE = 1 << 20;

  /**
   * @param keyGroupRange the key groups of this subtask; keys outside it are rejected as a bug
   * @param maxParallelism the number of key groups of the job
   * @param clock processing time in epoch milliseconds, for time-to-live
   */
  public HeapKeyedStateBackend(
      KeyGroupRange keyGroupRange, int maxParallelism, LongSupplier clock) {
    this(keyGroupRange, maxParallelism, clock, MAX_ENTRIES_CAPTURED_BY_VALUE);
  }

  /** With another limit for capture by value than {@link #MAX_ENTRIES_CAPTURED_BY_VALUE}. */
  HeapKeyedStateBackend(
      KeyGroupRange keyGroupRange,
      int maxParallelism,
      LongSupplier clock,
      int maxEntriesCapturedByValue) {
    this.maxEntriesCapturedByValue = maxEntriesCapturedByValue;
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
            (table, ttl) -> new HeapValueState<>(descriptor.name(), table, ttl));
  }

  @Override
  @SuppressWarnings("unchecked")
  public <N, V> InternalListState<K, N, V> listState(ListStateDescriptor<V> descriptor) {
    return (InternalListState<K, N, V>)
        getOrCreate(
            descriptor,
            StateKind.LIST,
            (table, ttl) -> new HeapListState<>(descriptor.name(), table, ttl));
  }

  @Override
  @SuppressWarnings("unchecked")
  public <N, UK, UV> InternalMapState<K, N, UK, UV> mapState(
      MapStateDescriptor<UK, UV> descriptor) {
    return (InternalMapState<K, N, UK, UV>)
        getOrCreate(
            descriptor,
            StateKind.MAP,
            (table, ttl) -> new HeapMapState<>(descriptor.name(), table, ttl));
  }

  @Override
  @SuppressWarnings("unchecked")
  public <N, V> InternalReducingState<K, N, V> reducingState(
      ReducingStateDescriptor<V> descriptor) {
    return (InternalReducingState<K, N, V>)
        getOrCreate(
            descriptor,
            StateKind.REDUCING,
            (table, ttl) ->
                new HeapReducingState<>(
                    descriptor.name(), table, ttl, descriptor.reduceFunction()));
  }

  @Override
  @SuppressWarnings("unchecked")
  public <N, IN, ACC, OUT> InternalAggregatingState<K, N, IN, ACC, OUT> aggregatingState(
      AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
    return (InternalAggregatingState<K, N, IN, ACC, OUT>)
        getOrCreate(
            descriptor,
            StateKind.AGGREGATING,
            (table, ttl) ->
                new HeapAggregatingState<>(
                    descriptor.name(), table, ttl, descriptor.aggregateFunction()));
  }

  private AbstractHeapState<K, ?> getOrCreate(
      StateDescriptor<?> descriptor,
      StateKind kind,
      BiFunction<StateTable<K, Object>, TtlPolicy, AbstractHeapState<K, ?>> factory) {
    if (closed) {
      throw new IllegalStateException(
          "Bug: state '" + descriptor.name() + "' requested from a closed state backend");
    }
    AbstractHeapState<K, ?> existing = states.get(descriptor.name());
    if (existing != null) {
      if (existing.kind() != kind) {
        throw StateKind.conflict(descriptor.name(), existing.kind(), kind);
      }
      return existing;
    }
    StateTable<K, Object> table =
        new StateTable<>(
            descriptor.name(),
            keyGroupRange,
            maxParallelism,
            versions,
            new StoredValueCopier(descriptor, kind),
            maxEntriesCapturedByValue);
    AbstractHeapState<K, ?> created = factory.apply(table, TtlPolicy.of(descriptor.ttl(), clock));
    HeapSnapshotSerde<K> serde = new HeapSnapshotSerde<>(descriptor, kind);
    materialize(descriptor.name(), kind, created, serde);
    states.put(descriptor.name(), created);
    serdes.put(descriptor.name(), serde);
    return created;
  }

  /** Fills a newly declared state with what a restore left for it. */
  private void materialize(
      String name, StateKind kind, AbstractHeapState<K, ?> state, HeapSnapshotSerde<K> serde) {
    RestoredState pending = restored.remove(name);
    if (pending == null) {
      return;
    }
    if (pending.kind != kind) {
      throw StateKind.restoredAsOther(name, pending.kind, kind);
    }
    try {
      for (Section section : pending.sections.values()) {
        serde.read(state, section.timed, new DataInputDeserializer(section.body));
      }
    } catch (IOException e) {
      throw new IllegalStateException(
          "State '" + name + "' could not be restored with the serializer of its declared type: "
              + e.getMessage(),
          e);
    }
  }

  /** A checkpoint's synchronous part: the state captured copy-on-write, see {@link #capture}. */
  @Override
  public KeyGroupSnapshot snapshot() {
    return capture();
  }

  /**
   * Captures the state of every key group for a snapshot that another thread writes later, while
   * the task goes on changing the state. Takes time proportional to the number of states and key
   * groups, plus the entries of small states of immutable single values, and serializes nothing;
   * the caller must {@link HeapStateSnapshot#release release} the snapshot when it is written or
   * given up.
   */
  public HeapStateSnapshot capture() {
    if (closed) {
      throw new IllegalStateException("Bug: snapshot of a closed state backend");
    }
    int version = versions.capture();
    List<HeapStateSnapshot.CapturedState<?>> captured = new ArrayList<>(states.size());
    for (Map.Entry<String, AbstractHeapState<K, ?>> e : states.entrySet()) {
      AbstractHeapState<K, ?> state = e.getValue();
      captured.add(
          new HeapStateSnapshot.CapturedState<>(
              e.getKey(),
              state.kind(),
              state.ttl.enabled,
              serdes.get(e.getKey()).forAnotherThread(),
              state.table.capture(state.ttl.enabled)));
    }
    List<HeapStateSnapshot.CapturedRestoredState> pending = new ArrayList<>(restored.size());
    for (Map.Entry<String, RestoredState> e : restored.entrySet()) {
      // Sections are immutable; the map is copied as a restore may still add to it.
      pending.add(
          new HeapStateSnapshot.CapturedRestoredState(
              e.getKey(), e.getValue().kind, Map.copyOf(e.getValue().sections)));
    }
    return new HeapStateSnapshot(versions, version, captured, pending);
  }

  /** The number of snapshots captured and not released yet; for tests and diagnostics. */
  public int runningSnapshots() {
    return versions.runningSnapshots();
  }

  /**
   * Reads what {@link #snapshotKeyGroup} wrote for a key group of this backend's range. States
   * already declared are filled at once, others when the operator declares them.
   */
  @Override
  public void restoreKeyGroup(int keyGroup, DataInputView in) throws IOException {
    if (!keyGroupRange.contains(keyGroup)) {
      throw new IllegalArgumentException(
          "Bug: restoring key group " + keyGroup + " into a backend of key groups "
              + StateTable.describe(keyGroupRange));
    }
    int count = in.readInt();
    for (int i = 0; i < count; i++) {
      KeyGroupStateFormat.StateSection read = KeyGroupStateFormat.readSection(in);
      String name = read.name();
      Section section = new Section(read.timed(), read.body());
      AbstractHeapState<K, ?> existing = states.get(name);
      if (existing != null) {
        RestoredState one = new RestoredState(read.kind());
        one.sections.put(keyGroup, section);
        restored.put(name, one);
        materialize(name, existing.kind(), existing, serdes.get(name));
      } else {
        restored.computeIfAbsent(name, n -> new RestoredState(read.kind()))
            .sections.put(keyGroup, section);
      }
    }
  }

  @Override
  public Set<String> stateNames() {
    return Collections.unmodifiableSet(states.keySet());
  }

  @Override
  public long entryCount(String stateName) {
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

  @Override
  public boolean hasUndeclaredRestoredState(String name) {
    return restored.containsKey(name);
  }

  /** Releases all state; the backend cannot be used afterwards. */
  @Override
  public void close() {
    closed = true;
    states.clear();
    restored.clear();
  }

  /** The restored bytes of a state not declared again yet, per key group. */
  private static final class RestoredState {
    final StateKind kind;
    final Map<Integer, Section> sections = new LinkedHashMap<>();

    RestoredState(StateKind kind) {
      this.kind = kind;
    }
  }

  /** One key group's entries of a restored state, as written. */
  record Section(boolean timed, byte[] body) {}

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
