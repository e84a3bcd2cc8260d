package io.strom.runtime.state.heap;

import java.util.function.Consumer;

/**
 * The entries of one state in one key group: an open-addressing hash table with linear probing,
 * keyed by (key, namespace). Removal shifts later entries of the probe run back instead of leaving
 * tombstones, so lookups never slow down after many removals.
 *
 * <p>Used only on the task's thread.
 */
final class KeyGroupTable<K, N> {
  private static final int INITIAL_CAPACITY = 8;

  private StateEntry<K, N>[] slots;
  private int size;

  KeyGroupTable() {
    slots = newArray(INITIAL_CAPACITY);
  }

  int size() {
    return size;
  }

  int capacity() {
    return slots.length;
  }

  /** The entry at a slot, or null; for incremental scans that must not allocate an iterator. */
  StateEntry<K, N> entryAt(int slot) {
    return slots[slot];
  }

  /** Combines the key's hash code with the namespace's; the mix spreads runs of small ints. */
  static int hash(int keyHash, Object namespace) {
    int h = keyHash * 31 + namespace.hashCode();
    h ^= h >>> 16;
    h *= 0x7feb352d;
    h ^= h >>> 15;
    return h;
  }

  StateEntry<K, N> find(K key, N namespace, int hash) {
    StateEntry<K, N>[] tab = slots;
    int mask = tab.length - 1;
    for (int i = hash & mask; ; i = (i + 1) & mask) {
      StateEntry<K, N> e = tab[i];
      if (e == null) {
        return null;
      }
      if (e.hash == hash
          && (e.key == key || e.key.equals(key))
          && (e.namespace == namespace || e.namespace.equals(namespace))) {
        return e;
      }
    }
  }

  /** Adds an entry for a (key, namespace) the caller found absent. */
  StateEntry<K, N> insert(K key, N namespace, int hash, Object value, long timestamp) {
    if (size + 1 > (slots.length >> 1) + (slots.length >> 2)) {
      resize(slots.length << 1);
    }
    StateEntry<K, N> entry = new StateEntry<>(key, namespace, hash, value, timestamp);
    place(slots, entry);
    size++;
    return entry;
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

  void forEach(Consumer<StateEntry<K, N>> action) {
    for (StateEntry<K, N> e : slots) {
      if (e != null) {
        action.accept(e);
      }
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
