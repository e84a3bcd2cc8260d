package io.strom.configuration;

/**
 * Options of keyed state (Flink's keys): which backend holds it, and how the RocksDB backend uses
 * disk and memory.
 */
public final class StateBackendOptions {
  private StateBackendOptions() {}

  public static final ConfigOption<String> TYPE =
      ConfigOptions.key("state.backend.type")
          .stringType()
          .defaultValue("hashmap")
          .withFallbackKeys("state.backend")
          .withDescription(
              "Where keyed state lives: 'hashmap' keeps it as objects on the JVM heap (fastest,"
                  + " bounded by the heap); 'rocksdb' keeps it serialized in an embedded RocksDB"
                  + " on local disk, for state larger than memory.");

  /** Where the rocksdb backend keeps timers (Flink's values). */
  public enum TimerServiceFactory {
    /** On the JVM heap, written into checkpoints key group by key group. */
    HEAP,
    /** In RocksDB, next to the state; part of incremental checkpoints. */
    ROCKSDB
  }

  public static final ConfigOption<TimerServiceFactory> ROCKSDB_TIMER_SERVICE_FACTORY =
      ConfigOptions.key("state.backend.rocksdb.timer-service.factory")
          .enumType(TimerServiceFactory.class)
          .defaultValue(TimerServiceFactory.ROCKSDB)
          .withDescription(
              "With the rocksdb backend, where event-time and processing-time timers live:"
                  + " ROCKSDB (in a column family per timer service and kind, ordered by key group"
                  + " and time, with only each key group's earliest timer on the heap) or HEAP.");

  public static final ConfigOption<String> ROCKSDB_LOCAL_DIR =
      ConfigOptions.key("state.backend.rocksdb.localdir")
          .stringType()
          .noDefaultValue()
          .withDescription(
              "Local directory the rocksdb backend keeps its working files in, one subdirectory"
                  + " per keyed operator instance, deleted when it closes. Unset: java.io.tmpdir.");

  public static final ConfigOption<Boolean> ROCKSDB_MEMORY_MANAGED =
      ConfigOptions.key("state.backend.rocksdb.memory.managed")
          .booleanType()
          .defaultValue(true)
          .withDescription(
              "Bounds the memory of RocksDB: all keyed operators of a task share one block cache"
                  + " and one write buffer manager sized by"
                  + " state.backend.rocksdb.memory.fixed-per-slot. false leaves RocksDB's own"
                  + " per-state defaults, whose memory grows with the number of states.");

  public static final ConfigOption<MemorySize> ROCKSDB_MEMORY_FIXED_PER_SLOT =
      ConfigOptions.key("state.backend.rocksdb.memory.fixed-per-slot")
          .memoryType()
          .defaultValue(MemorySize.parse("64 mb"))
          .withDescription(
              "Memory budget of RocksDB per task (block cache and write buffers together) when"
                  + " state.backend.rocksdb.memory.managed is true.");

  public static final ConfigOption<Double> ROCKSDB_WRITE_BUFFER_RATIO =
      ConfigOptions.key("state.backend.rocksdb.memory.write-buffer-ratio")
          .doubleType()
          .defaultValue(0.5)
          .withDescription(
              "Share of the RocksDB memory budget that write buffers (memtables) may take; they"
                  + " are charged to the block cache, so the budget holds in total.");
}
