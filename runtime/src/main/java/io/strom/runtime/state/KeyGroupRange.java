package io.strom.runtime.state;

/**
 * The inclusive range of key groups one parallel subtask owns.
 *
 * @param first the first key group
 * @param last the last key group; {@code last < first} means the range is empty
 */
public record KeyGroupRange(int first, int last) {
  public KeyGroupRange {
    if (first < 0) {
      throw new IllegalArgumentException("Key group must not be negative: " + first);
    }
  }

  public boolean contains(int keyGroup) {
    return keyGroup >= first && keyGroup <= last;
  }

  public int size() {
    return Math.max(0, last - first + 1);
  }
}
