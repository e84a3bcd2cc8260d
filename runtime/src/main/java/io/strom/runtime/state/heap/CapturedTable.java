package io.strom.runtime.state.heap;

import io.strom.runtime.state.KeyGroupRange;

/**
 * The entries of one state as a snapshot captured them: per key group of the range, the slot array
 * the key group's table had (null when it was empty) and how many entries it held. The state's
 * tables copy an array or entry before changing it, so this view stays as captured.
 *
 * <p>Created on the task's thread, read by the snapshot's writer.
 */
record CapturedTable<K, N>(KeyGroupRange range, StateEntry<K, N>[][] slots, int[] sizes) {

  /** The captured slot array of a key group of the range, or null when it held no entries. */
  StateEntry<K, N>[] slotsOf(int keyGroup) {
    if (!range.contains(keyGroup)) {
      throw new IllegalArgumentException(
          "Key group " + keyGroup + " is outside this backend's range "
              + StateTable.describe(range));
    }
    return slots[keyGroup - range.first()];
  }

  /** The number of entries a key group of the range held. */
  int sizeOf(int keyGroup) {
    return sizes[keyGroup - range.first()];
  }
}
