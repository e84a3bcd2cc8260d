package io.strom.runtime.state.rocksdb;

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
import io.strom.runtime.time.TimerQueue;
import io.strom.runtime.time.TimerQueueFactory;
import io.strom.runtime.state.KeyGroupStateFormat;
import io.strom.runtime.state.StateKind;
import io.strom.runtime.state.TtlPolicy;
import io.strom.serde.DataInputDeserializer;
import io.strom.serde.DataInputView;
import io.strom.serde.DataOutputSerializer;
import io.strom.serde.TypeSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * Keyed state kept serialized in an embedded RocksDB on local disk, for state larger than memory:
 * one column family per state, rows keyed by key group, key and namespace (see {@link
 * RocksDbDatabase}), values serialized with the state descriptor's serializers.
 *
 * <p>Time-to-live is measured on the processing-time clock given at construction. Expired values
 * are removed when read, and every access to a state with a time-to-live also examines a few rows
 * of that state, so rows of keys that are never read again are removed eventually.
 *
 * <p>Checkpoints write and read the {@link KeyGroupStateFormat}, as the heap backend does, so
 * either backend restores the other's checkpoints. Full checkpoints and savepoints are written
 * from a RocksDB snapshot on a snapshot thread ({@link #snapshot}), so the task's thread copies no
 * rows and the heap holds one key group at a time. Restored sections of states not declared yet
 * wait in a column family of their own (on disk, not on the heap) until the operator declares
 * them; a state restored but never declared again is written to later checkpoints as restored.
 *
 * <p>The backend owns its working directory and deletes it when closed. Used only on the task's
 * thread.
 */
public final class RocksDbKeyedStateBackend<K> implements CheckpointableKeyedStateBackend<K> {
  /** Column families of states are named by this prefix and the state name. */
  static final String STATE_COLUMN_PREFIX = "state:";

  /**
   * Restored sections waiting for their state to be declared: row key {@code short keyGroup | UTF
   * name}, value {@code byte kind | bool timed | body}.
   */
  static final String RESTORED_COLUMN = "restored";

  /**
   * What the database holds, so that a database restored from its own files knows its states: row
   * key {@code UTF name}, value {@code byte kind | bool timed | bool in restored column}.
   */
  static final String META_COLUMN = "meta";

  private final KeyGroupRange keyGroupRange;
  private final int maxParallelism;
  private final LongSupplier clock;
  private final RocksDbDatabase db;
  private final RocksDbSnapshotSerde serde;
  private final Map<String, AbstractRocksDbState<K, ?>> states = new LinkedHashMap<>();
  /** The kinds of restored states not declared yet. */
  private final Map<String, StateKind> restoredKinds = new LinkedHashMap<>();
  /** States found in the column families of a database restored from its files, not declared. */
  private final Map<String, StateMeta> restoredColumns = new LinkedHashMap<>();
  private final DataOutputSerializer scratch = new DataOutputSerializer(256);
  private final DataOutputSerializer restoredKey = new DataOutputSerializer(64);
  private final ColumnFamilyHandle restoredColumn;
  private final ColumnFamilyHandle metaColumn;
  private final RocksDbIncrementalSnapshots incrementalSnapshots;
  private boolean closed;

  /** A row of the meta column family. */
  private record StateMeta(StateKind kind, boolean timed, boolean inRestoredColumn) {}

  /**
   * @param keyGroupRange the key groups of this subtask; keys outside it are rejected as a bug
   * @param maxParallelism the number of key groups of the job
   * @param clock processing time in epoch milliseconds, for time-to-live
   * @param directory the working directory, created if missing, deleted on close; a database
   *     already there (restored from an incremental checkpoint) is opened with its states
   * @param memory the task's shared memory budget, or null for RocksDB's own defaults
   */
  public RocksDbKeyedStateBackend(
      KeyGroupRange keyGroupRange,
      int maxParallelism,
      LongSupplier clock,
      Path directory,
      RocksDbSharedMemory memory)
      throws IOException {
    this.keyGroupRange = requireNonNull(keyGroupRange, "keyGroupRange");
    this.clock = requireNonNull(clock, "clock");
    if (maxParallelism <= 0) {
      throw new IllegalArgumentException("Max parallelism must be positive: " + maxParallelism);
    }
    if (keyGroupRange.size() > 0 && keyGroupRange.last() >= maxParallelism) {
      throw new IllegalArgumentException(
          "Key group range [" + keyGroupRange.first() + ", " + keyGroupRange.last()
              + "] exceeds the max parallelism " + maxParallelism);
    }
    this.maxParallelism = maxParallelism;
    this.db = new RocksDbDatabase(directory, keyGroupRange, maxParallelism, memory);
    this.serde = new RocksDbSnapshotSerde(db);
    this.restoredColumn = db.columnFamily(RESTORED_COLUMN);
    this.metaColumn = db.columnFamily(META_COLUMN);
    this.incrementalSnapshots = new RocksDbIncrementalSnapshots(db);
    loadMeta();
  }

  /** Learns the states of rows copied in from restored databases. Called before any declaration. */
  void reloadMeta() throws IOException {
    restoredKinds.clear();
    restoredColumns.clear();
    loadMeta();
  }

  /** Learns the states of a database restored from its files. */
  private void loadMeta() throws IOException {
    DataInputDeserializer in = new DataInputDeserializer();
    try (RocksIterator it = db.newIterator(metaColumn)) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        in.setBuffer(it.key(), 0, it.key().length);
        String name = in.readUTF();
        in.setBuffer(it.value(), 0, it.value().length);
        StateKind kind = StateKind.ofOrdinal(in.readByte(), name);
        boolean timed = in.readBoolean();
        if (in.readBoolean()) {
          restoredKinds.put(name, kind);
        } else {
          restoredColumns.put(name, new StateMeta(kind, timed, false));
        }
      }
    }
  }

  private void writeMeta(String name, StateMeta meta) {
    try {
      scratch.clear();
      scratch.writeUTF(name);
      byte[] key = scratch.toByteArray();
      scratch.clear();
      scratch.writeByte(meta.kind().ordinal());
      scratch.writeBoolean(meta.timed());
      scratch.writeBoolean(meta.inRestoredColumn());
      db.put(metaColumn, key, scratch.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException("Bug: could not describe state '" + name + "'", e);
    }
  }

  /**
   * Compacts every column family fully, as background compaction eventually would; for benchmarks
   * that measure a settled database.
   */
  public void compactAll() {
    try {
      for (ColumnFamilyHandle cf : db.columnFamilyHandles()) {
        db.db().compactRange(cf);
      }
    } catch (RocksDBException e) {
      throw db.failed("compact", e);
    }
  }

  /** Column families of timers are named by this prefix, the service's name and the kind. */
  static final String TIMER_COLUMN_PREFIX = "timer:";

  /**
   * Creates timer queues in this backend's database ({@link RocksDbTimerQueue}): timers are then
   * part of its incremental checkpoints and restore with its files.
   */
  public TimerQueueFactory timerQueues() {
    return new TimerQueueFactory() {
      @Override
      public <T, N> TimerQueue<T, N> create(
          String serviceName, boolean eventTime, KeyGroupRange range, int maxParallelism) {
        String column =
            TIMER_COLUMN_PREFIX + serviceName + (eventTime ? ":event" : ":processing");
        return new RocksDbTimerQueue<>(db, column, serviceName, range, maxParallelism);
      }

      @Override
      public boolean storedWithKeyedState() {
        return true;
      }
    };
  }

  /** Incremental checkpoints of this backend's database. */
  public RocksDbIncrementalSnapshots incrementalSnapshots() {
    return incrementalSnapshots;
  }

  @Override
  public boolean hasUndeclaredRestoredState(String name) {
    return restoredKinds.containsKey(name) || restoredColumns.containsKey(name);
  }

  @Override
  public KeyGroupRange keyGroupRange() {
    return keyGroupRange;
  }

  @Override
  public int maxParallelism() {
    return maxParallelism;
  }

  /** The RocksDB instance, for checkpoints and tests in this package. */
  RocksDbDatabase database() {
    return db;
  }

  /** The working directory of the RocksDB instance. */
  public Path directory() {
    return db.directory();
  }

  @Override
  @SuppressWarnings("unchecked")
  public <N, V> InternalValueState<K, N, V> valueState(ValueStateDescriptor<V> descriptor) {
    return (InternalValueState<K, N, V>)
        getOrCreate(
            descriptor,
            StateKind.VALUE,
            (ttl, cf) -> new RocksDbValueState<>(descriptor.name(), db, cf, ttl, values(descriptor)));
  }

  @Override
  @SuppressWarnings("unchecked")
  public <N, V> InternalListState<K, N, V> listState(ListStateDescriptor<V> descriptor) {
    return (InternalListState<K, N, V>)
        getOrCreate(
            descriptor,
            StateKind.LIST,
            (ttl, cf) -> new RocksDbListState<>(descriptor.name(), db, cf, ttl, values(descriptor)));
  }

  @Override
  @SuppressWarnings("unchecked")
  public <N, UK, UV> InternalMapState<K, N, UK, UV> mapState(
      MapStateDescriptor<UK, UV> descriptor) {
    return (InternalMapState<K, N, UK, UV>)
        getOrCreate(
            descriptor,
            StateKind.MAP,
            (ttl, cf) ->
                new RocksDbMapState<>(
                    descriptor.name(),
                    db,
                    cf,
                    ttl,
                    (TypeSerializer<Object>) descriptor.keyType().createSerializer(),
                    values(descriptor)));
  }

  @Override
  @SuppressWarnings("unchecked")
  public <N, V> InternalReducingState<K, N, V> reducingState(
      ReducingStateDescriptor<V> descriptor) {
    return (InternalReducingState<K, N, V>)
        getOrCreate(
            descriptor,
            StateKind.REDUCING,
            (ttl, cf) ->
                new RocksDbReducingState<>(
                    descriptor.name(), db, cf, ttl, values(descriptor),
                    descriptor.reduceFunction()));
  }

  @Override
  @SuppressWarnings("unchecked")
  public <N, IN, ACC, OUT> InternalAggregatingState<K, N, IN, ACC, OUT> aggregatingState(
      AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
    return (InternalAggregatingState<K, N, IN, ACC, OUT>)
        getOrCreate(
            descriptor,
            StateKind.AGGREGATING,
            (ttl, cf) ->
                new RocksDbAggregatingState<>(
                    descriptor.name(), db, cf, ttl, values(descriptor),
                    descriptor.aggregateFunction()));
  }

  @SuppressWarnings("unchecked")
  private static TypeSerializer<Object> values(StateDescriptor<?> descriptor) {
    return (TypeSerializer<Object>) descriptor.type().createSerializer();
  }

  private AbstractRocksDbState<K, ?> getOrCreate(
      StateDescriptor<?> descriptor,
      StateKind kind,
      BiFunction<TtlPolicy, ColumnFamilyHandle, AbstractRocksDbState<K, ?>> factory) {
    if (closed) {
      throw new IllegalStateException(
          "Bug: state '" + descriptor.name() + "' requested from a closed state backend");
    }
    AbstractRocksDbState<K, ?> existing = states.get(descriptor.name());
    if (existing != null) {
      if (existing.kind() != kind) {
        throw StateKind.conflict(descriptor.name(), existing.kind(), kind);
      }
      return existing;
    }
    StateKind restoredKind = restoredKinds.get(descriptor.name());
    if (restoredKind != null && restoredKind != kind) {
      throw StateKind.restoredAsOther(descriptor.name(), restoredKind, kind);
    }
    TtlPolicy ttl = TtlPolicy.of(descriptor.ttl(), clock);
    checkRestoredColumn(descriptor.name(), kind, ttl.enabled);
    AbstractRocksDbState<K, ?> created =
        factory.apply(ttl, db.columnFamily(STATE_COLUMN_PREFIX + descriptor.name()));
    states.put(descriptor.name(), created);
    writeMeta(descriptor.name(), new StateMeta(kind, ttl.enabled, false));
    if (restoredKind != null) {
      restoredKinds.remove(descriptor.name());
      materialize(created);
    }
    return created;
  }

  /**
   * A state restored with the database's own files keeps its rows as stored: it must keep its kind
   * and whether it has a time-to-live.
   */
  private void checkRestoredColumn(String name, StateKind kind, boolean timed) {
    StateMeta restored = restoredColumns.remove(name);
    if (restored == null) {
      return;
    }
    if (restored.kind() != kind) {
      throw StateKind.restoredAsOther(name, restored.kind(), kind);
    }
    if (restored.timed() != timed) {
      throw new IllegalStateException(
          "State '" + name + "' was restored from an incremental checkpoint "
              + (restored.timed() ? "with" : "without") + " a time-to-live and is now declared "
              + (timed ? "with" : "without") + " one; an incremental checkpoint keeps RocksDB's"
              + " files as they are. Keep the time-to-live setting, or restore from a savepoint"
              + " (or a checkpoint taken with execution.checkpointing.incremental = false).");
    }
  }

  /** Moves what a restore left for a newly declared state into its column family. */
  private void materialize(AbstractRocksDbState<K, ?> state) {
    try {
      for (int kg = keyGroupRange.first(); kg <= keyGroupRange.last(); kg++) {
        byte[] rowKey = restoredRowKey(kg, state.name);
        byte[] stored = db.db().get(restoredColumn, rowKey);
        if (stored != null) {
          // Stored as byte kind | bool timed | body; the body is read in place, not copied: a
          // key group's section can be large.
          serde.read(state, kg, stored[1] != 0, stored, 2, stored.length - 2);
          db.delete(restoredColumn, rowKey, rowKey.length);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "State '" + state.name + "' could not be restored with the serializer of its declared"
              + " type: " + e.getMessage(),
          e);
    } catch (RocksDBException e) {
      throw db.failed("restore state '" + state.name + "'", e);
    }
  }

  private byte[] restoredRowKey(int keyGroup, String stateName) throws IOException {
    return RocksDbFullSnapshot.restoredRowKey(restoredKey, keyGroup, stateName);
  }

  /**
   * The synchronous part of a full checkpoint or savepoint: takes a RocksDB snapshot and notes the
   * states, copying no rows; a snapshot thread writes them (see {@link RocksDbFullSnapshot}).
   */
  @Override
  public KeyGroupSnapshot snapshot() {
    List<RocksDbFullSnapshot.FrozenState> frozen = new ArrayList<>(states.size());
    for (AbstractRocksDbState<K, ?> state : states.values()) {
      frozen.add(
          new RocksDbFullSnapshot.FrozenState(
              state.name, state.kind(), state.ttl.enabled, state.cf, state.values.duplicate()));
    }
    return new RocksDbFullSnapshot(db, frozen, restoredKinds, restoredColumn);
  }

  @Override
  public void restoreKeyGroup(int keyGroup, DataInputView in) throws IOException {
    if (!keyGroupRange.contains(keyGroup)) {
      throw new IllegalArgumentException(
          "Bug: restoring key group " + keyGroup + " into a backend of key groups ["
              + keyGroupRange.first() + ", " + keyGroupRange.last() + "]");
    }
    int count = in.readInt();
    for (int i = 0; i < count; i++) {
      KeyGroupStateFormat.SectionHeader section = KeyGroupStateFormat.readSectionHeader(in);
      AbstractRocksDbState<K, ?> existing = states.get(section.name());
      if (existing != null) {
        if (existing.kind() != section.kind()) {
          throw StateKind.restoredAsOther(section.name(), section.kind(), existing.kind());
        }
        byte[] body = new byte[section.length()];
        in.readFully(body);
        serde.read(existing, keyGroup, section.timed(), body);
      } else {
        // Stored as byte kind | bool timed | body, the body read into place: a key group's
        // section can be large, so it is not copied, nor kept by a growing buffer afterwards.
        byte[] stored = new byte[2 + section.length()];
        stored[0] = (byte) section.kind().ordinal();
        stored[1] = (byte) (section.timed() ? 1 : 0);
        in.readFully(stored, 2, section.length());
        db.put(restoredColumn, restoredRowKey(keyGroup, section.name()), stored);
        if (restoredKinds.putIfAbsent(section.name(), section.kind()) == null) {
          writeMeta(section.name(), new StateMeta(section.kind(), section.timed(), true));
        }
      }
    }
  }

  @Override
  public Set<String> stateNames() {
    return Collections.unmodifiableSet(states.keySet());
  }

  @Override
  public long entryCount(String stateName) {
    AbstractRocksDbState<K, ?> state = states.get(stateName);
    if (state == null) {
      return 0;
    }
    try {
      return serde.count(state);
    } catch (IOException e) {
      throw state.unreadable(e);
    }
  }

  /** Releases the native resources and deletes the working directory. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (AbstractRocksDbState<K, ?> state : states.values()) {
      state.close();
    }
    states.clear();
    db.close();
    LocalFiles.deleteRecursively(db.directory());
  }
}
