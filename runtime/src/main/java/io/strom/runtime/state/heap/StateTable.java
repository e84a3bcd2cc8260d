package io.strom.runtime.state.heap;

import io.strom.runtime.state.KeyGroupRange;
import io.strom.runtime.state.KeyGroups;
import java.util.function.Consumer;

/**
 * The entries of one named state, split by key group: one {@link KeyGroupTable} per key group the
 * subtask owns, created on first write. Keeping key groups apart lets a snapshot write, and a
 * restore read, any range of key groups without rehashing.
 *
 * <p>Also keeps the cursor of the incremental time-to-live cleanup. Used only on the task's thread;
 * what {@link #capture} returns is read by a snapshot's writer.
 */
final class StateTable<K, N> {
  private final String stateName;
  private final KeyGroupRange range;
  private final int maxParallelism;
  private final KeyGroupTable<K, N>[] groups;
  private final SnapshotVersions versions;
  private final StoredValueCopier valueCopier;
  /** See {@link HeapKeyedStateBackend#MAX_ENTRIES_CAPTURED_BY_VALUE}. */
  private final int maxEntriesCapturedByValue;

  /**
   * Whether snapshots take the values themselves, sharing no entry (see {@link KeyGroupTable});
   * turns false for good once the state outgrows {@link #maxEntriesCapturedByValue}.
   */
  private boolean capturesValues;
  private int size;

  // Where the incremental cleanup continues: a key group offset and a slot within it.
  private int cursorGroup;
  private int cursorSlot;

  /**
   * @param versions the copy-on-write clock of the backend's snapshots
   * @param valueCopier copies a stored value of this state so the copy shares no mutable part
   * @param maxEntriesCapturedByValue the most entries a state of immutable single values may have
   *     to be captured by value
   */
  @SuppressWarnings("unchecked")
  StateTable(
      String stateName,
      KeyGroupRange range,
      int maxParallelism,
      SnapshotVersions versions,
      StoredValueCopier valueCopier,
      int maxEntriesCapturedByValue) {
    this.stateName = stateName;
    this.range = range;
    this.maxParallelism = maxParallelism;
    this.versions = versions;
    this.valueCopier = valueCopier;
    this.maxEntriesCapturedByValue = maxEntriesCapturedByValue;
    this.capturesValues = valueCopier.copiesNothing();
    this.groups = (KeyGroupTable<K, N>[]) new KeyGroupTable<?, ?>[range.size()];
  }

  /** Number of (key, namespace) entries stored across all key groups. */
  int size() {
    return size;
  }

  /** The table of the key's key group, or null when nothing was stored there yet. */
  KeyGroupTable<K, N> tableOf(K key, int keyHash) {
    return groups[groupOffset(key, keyHash)];
  }

  /** The table of the key's key group, created when missing. */
  KeyGroupTable<K, N> tableForWrite(K key, int keyHash) {
    int offset = groupOffset(key, keyHash);
    KeyGroupTable<K, N> table = groups[offset];
    if (table == null) {
      table = new KeyGroupTable<>(versions, valueCopier, !capturesValues);
      groups[offset] = table;
    }
    return table;
  }

  StateEntry<K, N> find(K key, N namespace) {
    int keyHash = key.hashCode();
    KeyGroupTable<K, N> table = tableOf(key, keyHash);
    if (table == null) {
      return null;
    }
    return table.find(key, namespace, KeyGroupTable.hash(keyHash, namespace));
  }

  /**
   * The entry of (key, namespace); when absent, a new entry whose value is null, which the caller
   * must fill or remove. One hash computation and one probe for both cases.
   */
  StateEntry<K, N> findOrInsert(K key, N namespace, long timestamp) {
    int keyHash = key.hashCode();
    KeyGroupTable<K, N> table = tableForWrite(key, keyHash);
    int hash = KeyGroupTable.hash(keyHash, namespace);
    StateEntry<K, N> e = table.find(key, namespace, hash);
    if (e == null) {
      e = table.insert(key, namespace, hash, null, timestamp);
      size++;
    }
    return e;
  }

  /**
   * Removes the entry of (key, namespace), if any. Cheaper than {@link #remove} while a snapshot
   * runs: the removed value is not copied.
   */
  void delete(K key, N namespace) {
    int keyHash = key.hashCode();
    KeyGroupTable<K, N> table = tableOf(key, keyHash);
    if (table != null && table.removeKey(key, namespace, KeyGroupTable.hash(keyHash, namespace))) {
      size--;
    }
  }

  /**
   * Removes the entry of (key, namespace), if any; returns the removed entry, which the caller may
   * change, or null.
   */
  StateEntry<K, N> remove(K key, N namespace) {
    int keyHash = key.hashCode();
    KeyGroupTable<K, N> table = tableOf(key, keyHash);
    if (table == null) {
      return null;
    }
    StateEntry<K, N> e = table.take(key, namespace, KeyGroupTable.hash(keyHash, namespace));
    if (e != null) {
      size--;
    }
    return e;
  }

  void removeEntry(StateEntry<K, N> entry) {
    KeyGroupTable<K, N> table = tableOf(entry.key, entry.key.hashCode());
    if (table != null && table.remove(entry)) {
      size--;
    }
  }

  /**
   * The slot arrays and sizes of every key group as they are now, for a snapshot whose version
   * {@link SnapshotVersions#capture} has just taken: the tables copy what they change afterwards.
   * Takes time proportional to the number of key groups, not of entries — except for a small state
   * of immutable single values, whose values (and timestamps, when {@code timed}) are taken as
   * arrays of references: one pass over its slots, so that the task's accesses need no check.
   */
  CapturedTable<K, N> capture(boolean timed) {
    if (capturesValues && size > maxEntriesCapturedByValue) {
      capturesValues = false;
      for (KeyGroupTable<K, N> table : groups) {
        if (table != null) {
          table.shareEntries();
        }
      }
    }
    @SuppressWarnings("unchecked")
    StateEntry<K, N>[][] slots = (StateEntry<K, N>[][]) new StateEntry<?, ?>[groups.length][];
    int[] sizes = new int[groups.length];
    Object[][] values = capturesValues ? new Object[groups.length][] : null;
    long[][] timestamps = capturesValues && timed ? new long[groups.length][] : null;
    for (int i = 0; i < groups.length; i++) {
      KeyGroupTable<K, N> table = groups[i];
      if (table != null && table.size() > 0) {
        slots[i] = table.snapshotSlots();
        sizes[i] = table.size();
        if (values != null) {
          values[i] = table.snapshotValues();
        }
        if (timestamps != null) {
          timestamps[i] = table.snapshotTimestamps();
        }
      }
    }
    return new CapturedTable<>(range, slots, sizes, values, timestamps);
  }

  /** Visits the entries of one key group of this subtask's range, for reading only. */
  void forEachInKeyGroup(int keyGroup, Consumer<StateEntry<K, N>> action) {
    if (!range.contains(keyGroup)) {
      throw new IllegalArgumentException(
          "Key group " + keyGroup + " is outside this backend's range " + describe(range));
    }
    KeyGroupTable<K, N> table = groups[keyGroup - range.first()];
    if (table != null) {
      table.forEach(action);
    }
  }

  /**
   * Visits up to {@code maxEntries} stored entries, scanning at most {@code maxSlots} slots,
   * continuing where the previous call stopped and wrapping around at the end. {@code expired}
   * decides per entry whether it is removed. Bounded work per call, so it can run on every access.
   */
  void cleanupStep(int maxEntries, int maxSlots, ExpiryCheck<K, N> expired) {
    if (size == 0) {
      return;
    }
    int entries = 0;
    for (int slots = 0; slots < maxSlots && entries < maxEntries; slots++) {
      KeyGroupTable<K, N> table = groups[cursorGroup];
      if (table == null || cursorSlot >= table.capacity()) {
        cursorGroup = cursorGroup + 1 == groups.length ? 0 : cursorGroup + 1;
        cursorSlot = 0;
        continue;
      }
      StateEntry<K, N> e = table.ownedEntryAt(cursorSlot);
      if (e == null) {
        cursorSlot++;
        continue;
      }
      entries++;
      if (expired.purge(e)) {
        // Removal may shift a later entry into this slot: look at the same slot again next.
        table.removeAt(cursorSlot);
        size--;
      } else {
        cursorSlot++;
      }
    }
  }

  private int groupOffset(K key, int keyHash) {
    int keyGroup = KeyGroups.keyGroupOfHash(keyHash, maxParallelism);
    if (!range.contains(keyGroup)) {
      throw new IllegalStateException(
          "Bug: key '" + key + "' of state '" + stateName + "' belongs to key group " + keyGroup
              + ", outside this subtask's key groups " + describe(range)
              + "; the record was routed to the wrong subtask (inconsistent partitioning or a key"
              + " whose hashCode is not stable).");
    }
    return keyGroup - range.first();
  }

  static String describe(KeyGroupRange range) {
    return "[" + range.first() + ", " + range.last() + "]";
  }

  /** Decides whether a visited entry is gone; may drop expired parts of a collection in place. */
  @FunctionalInterface
  interface ExpiryCheck<K, N> {
    /** Returns true when the whole entry should be removed. */
    boolean purge(StateEntry<K, N> entry);
  }
}
