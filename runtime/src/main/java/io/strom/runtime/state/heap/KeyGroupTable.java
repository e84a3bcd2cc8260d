package io.strom.runtime.state.heap;

import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The entries of one state in one key group: an open-addressing hash table with linear probing,
 * keyed by (key, namespace). Removal shifts later entries of the probe run back instead of leaving
 * tombstones, so lookups never slow down after many removals.
 *
 * <p>Copy-on-write for snapshots: a snapshot keeps a reference to the slot array ({@link
 * #snapshotSlots}) and never copies it. The first change of the table's layout after that copies
 * the array, and an entry the snapshot shares is replaced by a copy (value included) before the
 * task may change it: every entry {@link #find} or {@link #ownedEntryAt} returns belongs to the
 * task alone. Without a running snapshot both checks are one comparison and nothing is copied.
 *
 * <p>A table whose values are immutable single objects may share no entry with snapshots: they
 * take its values (and time-to-live timestamps) as arrays when they capture it ({@link
 * #snapshotValues}), and the task changes entries in place with no check per access. Only the slot
 * array is still copied on write, when an entry is added or removed. {@link StateTable} decides.
 *
 * <p>Changed only on the task's thread; a captured slot array is read by the snapshot's writer.
 */
final class KeyGroupTable<K, N> {
  private static final int INITIAL_CAPACITY = 8;

  private final SnapshotVersions versions;
  private final UnaryOperator<Object> valueCopier;
  /**
   * False while snapshots capture the values, so no entry is shared with one; becomes true for
   * good ({@link #shareEntries}).
   */
  private boolean sharesEntries;
  private StateEntry<K, N>[] slots;
  /** The version when {@link #slots} was created; older means a snapshot may hold the array. */
  private int slotsVersion;
  private int size;

  /**
   * @param valueCopier copies a stored value so that the copy shares no mutable part with it
   * @param sharesEntries false when snapshots take the values with {@link #snapshotValues}
   *     instead of sharing the entries
   */
  KeyGroupTable(
      SnapshotVersions versions, UnaryOperator<Object> valueCopier, boolean sharesEntries) {
    this.versions = versions;
    this.valueCopier = valueCopier;
    this.sharesEntries = sharesEntries;
    slots = newArray(INITIAL_CAPACITY);
    slotsVersion = versions.current();
  }

  int size() {
    return size;
  }

  int capacity() {
    return slots.length;
  }

  /**
   * The slot array as it is now, for a snapshot captured just before; the table copies the array
   * before it changes it, so the snapshot's view stays as it was.
   */
  StateEntry<K, N>[] snapshotSlots() {
    return slots;
  }

  /**
   * From now on entries are shared with snapshots and copied on write: called when a snapshot is
   * captured that takes the slot arrays only. Entries never go back to unshared, as a running
   * snapshot may share them.
   */
  void shareEntries() {
    sharesEntries = true;
  }

  /**
   * The value of each slot's entry as it is now, at the slot's index in {@link #snapshotSlots}, for
   * a table that shares no entries with snapshots. Copies references only.
   */
  Object[] snapshotValues() {
    StateEntry<K, N>[] tab = slots;
    Object[] values = new Object[tab.length];
    for (int i = 0; i < tab.length; i++) {
      StateEntry<K, N> e = tab[i];
      if (e != null) {
        values[i] = e.value;
      }
    }
    return values;
  }

  /** Like {@link #snapshotValues}, for the entries' time-to-live timestamps. */
  long[] snapshotTimestamps() {
    StateEntry<K, N>[] tab = slots;
    long[] timestamps = new long[tab.length];
    for (int i = 0; i < tab.length; i++) {
      StateEntry<K, N> e = tab[i];
      if (e != null) {
        timestamps[i] = e.timestamp;
      }
    }
    return timestamps;
  }

  /**
   * The entry at a slot, or null, for incremental scans that must not allocate an iterator; the
   * caller may change it (it is copied first if a snapshot shares it).
   */
  StateEntry<K, N> ownedEntryAt(int slot) {
    StateEntry<K, N> e = slots[slot];
    if (e != null && sharesEntries && versions.sharedWithSnapshot(e.version)) {
      e = copyEntryAt(slot);
    }
    return e;
  }

  /** Combines the key's hash code with the namespace's; the mix spreads runs of small ints. */
  static int hash(int keyHash, Object namespace) {
    int h = keyHash * 31 + namespace.hashCode();
    h ^= h >>> 16;
    h *= 0x7feb352d;
    h ^= h >>> 15;
    return h;
  }

  /** The entry of (key, namespace), or null; the caller may change it and its value. */
  StateEntry<K, N> find(K key, N namespace, int hash) {
    int slot = slotOf(key, namespace, hash);
    if (slot < 0) {
      return null;
    }
    StateEntry<K, N> e = slots[slot];
    return sharesEntries && versions.sharedWithSnapshot(e.version) ? copyEntryAt(slot) : e;
  }

  /** The slot holding (key, namespace), or -1. */
  private int slotOf(K key, N namespace, int hash) {
    StateEntry<K, N>[] tab = slots;
    int mask = tab.length - 1;
    for (int i = hash & mask; ; i = (i + 1) & mask) {
      StateEntry<K, N> e = tab[i];
      if (e == null) {
        return -1;
      }
      if (e.hash == hash
          && (e.key == key || e.key.equals(key))
          && (e.namespace == namespace || e.namespace.equals(namespace))) {
        return i;
      }
    }
  }

  /** Adds an entry for a (key, namespace) the caller found absent. */
  StateEntry<K, N> insert(K key, N namespace, int hash, Object value, long timestamp) {
    if (size + 1 > (slots.length >> 1) + (slots.length >> 2)) {
      resize(slots.length << 1);
    } else {
      ownSlots();
    }
    StateEntry<K, N> entry =
        new StateEntry<>(key, namespace, hash, value, timestamp, versions.current());
    place(slots, entry);
    size++;
    return entry;
  }

  /**
   * Removes the entry of (key, namespace), if any, without copying it even when a snapshot shares
   * it; returns whether there was one.
   */
  boolean removeKey(K key, N namespace, int hash) {
    int slot = slotOf(key, namespace, hash);
    if (slot < 0) {
      return false;
    }
    removeAt(slot);
    return true;
  }

  /**
   * Removes the entry of (key, namespace) and returns it, or null; the caller may change what it
   * returns, which is a copy when a running snapshot shares the removed entry.
   */
  StateEntry<K, N> take(K key, N namespace, int hash) {
    int slot = slotOf(key, namespace, hash);
    if (slot < 0) {
      return null;
    }
    StateEntry<K, N> e = slots[slot];
    removeAt(slot);
    return sharesEntries && versions.sharedWithSnapshot(e.version)
        ? e.copy(versions.current(), valueCopier)
        : e;
  }

  /** Removes this exact entry; returns false when it is no longer stored. */
  boolean remove(StateEntry<K, N> entry) {
    StateEntry<K, N>[] tab = slots;
    int mask = tab.length - 1;
    for (int i = entry.hash & mask; ; i = (i + 1) & mask) {
      StateEntry<K, N> e = tab[i];
      if (e == null) {
        return false;
      }
      if (e == entry) {
        removeAt(i);
        return true;
      }
    }
  }

  /**
   * Empties a slot and moves back the entries after it in the same probe run that would otherwise
   * become unreachable. An entry may move into {@code slot}, so scans re-examine it.
   */
  void removeAt(int slot) {
    ownSlots();
    StateEntry<K, N>[] tab = slots;
    int mask = tab.length - 1;
    int gap = slot;
    tab[gap] = null;
    size--;
    for (int i = (gap + 1) & mask; tab[i] != null; i = (i + 1) & mask) {
      int home = tab[i].hash & mask;
      // The entry may fill the gap unless its home lies cyclically in (gap, i].
      boolean homeBetween = gap <= i ? (home > gap && home <= i) : (home > gap || home <= i);
      if (!homeBetween) {
        tab[gap] = tab[i];
        tab[i] = null;
        gap = i;
      }
    }
  }

  /** Visits the entries for reading only: they may be shared with a running snapshot. */
  void forEach(Consumer<StateEntry<K, N>> action) {
    for (StateEntry<K, N> e : slots) {
      if (e != null) {
        action.accept(e);
      }
    }
  }

  /** Replaces the shared entry at a slot by a copy the task owns, and returns the copy. */
  private StateEntry<K, N> copyEntryAt(int slot) {
    ownSlots();
    StateEntry<K, N> copy = slots[slot].copy(versions.current(), valueCopier);
    slots[slot] = copy;
    return copy;
  }

  /** Copies the slot array if a running snapshot may hold it, before the task changes it. */
  private void ownSlots() {
    if (versions.sharedWithSnapshot(slotsVersion)) {
      slots = slots.clone();
      slotsVersion = versions.current();
    }
  }

  private void resize(int capacity) {
    StateEntry<K, N>[] bigger = newArray(capacity);
    for (StateEntry<K, N> e : slots) {
      if (e != null) {
        place(bigger, e);
      }
    }
    slots = bigger;
    slotsVersion = versions.current();
  }

  private static <K, N> void place(StateEntry<K, N>[] tab, StateEntry<K, N> entry) {
    int mask = tab.length - 1;
    int i = entry.hash & mask;
    while (tab[i] != null) {
      i = (i + 1) & mask;
    }
    tab[i] = entry;
  }

  @SuppressWarnings("unchecked")
  private static <K, N> StateEntry<K, N>[] newArray(int capacity) {
    return (StateEntry<K, N>[]) new StateEntry<?, ?>[capacity];
  }
}
