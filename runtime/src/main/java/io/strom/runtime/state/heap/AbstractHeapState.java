package io.strom.runtime.state.heap;

import io.strom.runtime.state.StateKind;
import io.strom.runtime.state.TtlPolicy;
import java.util.function.Consumer;

/**
 * The helper every heap state kind extends: owns the state's {@link StateTable} and
 * {@link TtlPolicy}, and does the reads, writes and incremental cleanup that are the same for all
 * kinds. Kinds whose value is one object (value, reducing, aggregating) use the entry's timestamp;
 * list and map states keep one timestamp per element inside their stored value.
 *
 * <p>Used only on the task's thread.
 */
abstract class AbstractHeapState<K, N> {
  /** Entries the incremental cleanup examines per state access. */
  static final int CLEANUP_ENTRIES_PER_ACCESS = 5;

  /** Slots the incremental cleanup may scan per access, bounding the cost on sparse tables. */
  static final int CLEANUP_SLOTS_PER_ACCESS = 64;

  final String name;
  final StateTable<K, N> table;
  final TtlPolicy ttl;
  private final StateTable.ExpiryCheck<K, N> expiryCheck = this::purgeExpiredOnCleanup;
  private long cleanupNow;

  AbstractHeapState(String name, StateTable<K, N> table, TtlPolicy ttl) {
    this.name = name;
    this.table = table;
    this.ttl = ttl;
  }

  /** The kind of state, as users name it in error messages. */
  abstract StateKind kind();

  /**
   * Drops the expired parts of an entry's value at {@code now}; returns true when nothing live is
   * left and the entry should be removed. Called only when the time-to-live is enabled.
   */
  abstract boolean purgeExpired(StateEntry<K, N> entry, long now);

  public void clear(K key, N namespace) {
    table.delete(key, namespace);
    if (ttl.enabled) {
      cleanup(ttl.now());
    }
  }

  int entryCount() {
    return table.size();
  }

  void forEachInKeyGroup(int keyGroup, Consumer<StateEntry<K, N>> action) {
    table.forEachInKeyGroup(keyGroup, action);
  }

  /** Advances the incremental cleanup by a bounded number of entries. */
  final void cleanup(long now) {
    cleanupNow = now;
    table.cleanupStep(CLEANUP_ENTRIES_PER_ACCESS, CLEANUP_SLOTS_PER_ACCESS, expiryCheck);
  }

  private boolean purgeExpiredOnCleanup(StateEntry<K, N> entry) {
    return purgeExpired(entry, cleanupNow);
  }

  // ---- helpers for kinds whose value is a single object, with the entry's timestamp ----

  /** Reads a single-object value, applying expiry, visibility and renewal on read. */
  final Object readSingle(K key, N namespace) {
    StateEntry<K, N> e = table.find(key, namespace);
    if (!ttl.enabled) {
      return e == null ? null : e.value;
    }
    long now = ttl.now();
    Object value = null;
    if (e != null) {
      value = e.value;
      if (ttl.isExpired(e.timestamp, now)) {
        table.removeEntry(e);
        value = ttl.returnExpired ? value : null;
      } else if (ttl.renewOnRead) {
        e.timestamp = now;
      }
    }
    cleanup(now);
    return value;
  }

  /** Stores a single-object value (null removes it) and renews its timestamp. */
  final void writeSingle(K key, N namespace, Object value) {
    if (value == null) {
      clear(key, namespace);
      return;
    }
    long now = ttl.enabled ? ttl.now() : 0L;
    StateEntry<K, N> e = table.findOrInsert(key, namespace, now);
    e.value = value;
    e.timestamp = now;
    if (ttl.enabled) {
      cleanup(now);
    }
  }

  /** The live value of an entry about to be updated: an expired value counts as absent. */
  final Object liveSingle(StateEntry<K, N> e, long now) {
    if (e.value != null && ttl.enabled && ttl.isExpired(e.timestamp, now)) {
      return null;
    }
    return e.value;
  }

  /** Removes an entry that a failed user function left without a value. */
  final void discardIfEmpty(StateEntry<K, N> e) {
    if (e.value == null) {
      table.removeEntry(e);
    }
  }

  final boolean singleExpired(StateEntry<K, N> entry, long now) {
    return ttl.isExpired(entry.timestamp, now);
  }
}
