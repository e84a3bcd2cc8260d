package io.strom.runtime.state.heap;

import io.strom.runtime.state.KeyGroupRange;

/**
 * The entries of one state as a snapshot captured them: per key group of the range, the slot array
 * the key group's table had (null when it was empty) and how many entries it held. The state's
 * tables copy an array or entry before changing it, so this view stays as captured.
 *
 * <p>For a state of immutable single values the entries are not kept as captured, only their keys:
 * {@code values} (and {@code timestamps}, for a state with a time-to-live) hold, at each slot's
 * index, what the entry held at capture. Both are null for the other states.
 *
 * <p>Created on the task's thread, read by the snapshot's writer.
 */
record CapturedTable<K, N>(
    KeyGroupRange range,
    StateEntry<K, N>[][] slots,
    int[] sizes,
    Object[][] values,
    long[][] timestamps) {

  /** The captured slot array of a key group of the range, or null when it held no entries. */
  StateEntry<K, N>[] slotsOf(int keyGroup) {
    if (!range.contains(keyGroup)) {
      throw new IllegalArgumentException(
          "Key group " + keyGroup + " is outside this backend's range "
              + StateTable.describe(range));
    }
    return slots[keyGroup - range.first()];
  }

  /** The values captured for a key group's slots, or null when the entries hold them. */
  Object[] valuesOf(int keyGroup) {
    return values == null ? null : values[keyGroup - range.first()];
  }

  /** The timestamps captured for a key group's slots, or null when the entries hold them. */
  long[] timestampsOf(int keyGroup) {
    return timestamps == null ? null : timestamps[keyGroup - range.first()];
  }

  /** The number of entries a key group of the range held. */
  int sizeOf(int keyGroup) {
    return sizes[keyGroup - range.first()];
  }
}
