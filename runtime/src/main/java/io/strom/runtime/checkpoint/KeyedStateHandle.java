package io.strom.runtime.checkpoint;

import static java.util.Objects.requireNonNull;

import io.strom.runtime.state.KeyGroupRange;

/**
 * Where one operator subtask's keyed state (and timers) lies in a checkpoint: a file of the
 * checkpoint directory and, per key group of the subtask's range, the byte range of that key
 * group's section. A restore at another parallelism reads only the key groups it now owns.
 *
 * @param fileName the file, relative to the checkpoint directory
 * @param fileLength the file's length, checked before a restore
 * @param crc32 the CRC-32 of the whole file, checked before a restore
 * @param firstKeyGroup the first key group of the range
 * @param offsets the start of each key group's section, then the end of the last one (one more
 *     entry than there are key groups)
 * @param nativeState the backend's own snapshot of its states, or null when they are in the file
 */
public record KeyedStateHandle(
    String fileName,
    long fileLength,
    long crc32,
    int firstKeyGroup,
    long[] offsets,
    NativeKeyedState nativeState) {
  public KeyedStateHandle {
    requireNonNull(fileName, "fileName");
    requireNonNull(offsets, "offsets");
    if (offsets.length == 0) {
      throw new IllegalArgumentException("A keyed state handle needs at least the end offset");
    }
  }

  /** A handle whose states are in the key group sections of the file. */
  public KeyedStateHandle(
      String fileName, long fileLength, long crc32, int firstKeyGroup, long[] offsets) {
    this(fileName, fileLength, crc32, firstKeyGroup, offsets, null);
  }

  public KeyGroupRange keyGroupRange() {
    return new KeyGroupRange(firstKeyGroup, firstKeyGroup + offsets.length - 2);
  }

  /** The first byte of a key group's section. */
  public long offsetOf(int keyGroup) {
    return offsets[keyGroup - firstKeyGroup];
  }

  /** The length of a key group's section; 0 when the key group held nothing. */
  public int lengthOf(int keyGroup) {
    return (int) (offsets[keyGroup - firstKeyGroup + 1] - offsets[keyGroup - firstKeyGroup]);
  }
}
