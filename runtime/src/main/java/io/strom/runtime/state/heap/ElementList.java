package io.strom.runtime.state.heap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The stored form of a list state's value: the elements, and when the state has a time-to-live,
 * each element's timestamp at the same index. Changed only on the task's thread; a snapshot's
 * writer reads lists the task no longer changes (see {@link KeyGroupTable}).
 */
final class ElementList<V> {
  final ArrayList<V> values;
  /** Timestamps parallel to {@link #values}; null when the state has no time-to-live. */
  private long[] stamps;

  ElementList(boolean timed) {
    this.values = new ArrayList<>();
    this.stamps = timed ? new long[4] : null;
  }

  private ElementList(ArrayList<V> values, long[] stamps) {
    this.values = values;
    this.stamps = stamps;
  }

  /** A copy with its own element list and timestamps, each element copied by {@code copier}. */
  ElementList<V> copy(UnaryOperator<V> copier) {
    ArrayList<V> copied = new ArrayList<>(values.size());
    for (V v : values) {
      copied.add(copier.apply(v));
    }
    return new ElementList<>(copied, stamps == null ? null : stamps.clone());
  }

  int size() {
    return values.size();
  }

  /** The elements in insertion order; the live list itself, which callers must not modify. */
  List<V> view() {
    return values;
  }

  void add(V value, long now) {
    if (stamps != null) {
      int i = values.size();
      if (i == stamps.length) {
        stamps = Arrays.copyOf(stamps, i * 2);
      }
      stamps[i] = now;
    }
    values.add(value);
  }

  long stampAt(int index) {
    return stamps[index];
  }

  /** Sets every element's timestamp to {@code now}. */
  void renewAll(long now) {
    Arrays.fill(stamps, 0, values.size(), now);
  }

  boolean anyExpired(long now, long ttlMillis) {
    for (int i = 0, n = values.size(); i < n; i++) {
      if (now - stamps[i] >= ttlMillis) {
        return true;
      }
    }
    return false;
  }

  /** Drops each element with {@code now - stamp >= ttl}, compacting in place. */
  void dropExpired(long now, long ttlMillis) {
    int kept = 0;
    int n = values.size();
    for (int i = 0; i < n; i++) {
      if (now - stamps[i] < ttlMillis) {
        values.set(kept, values.get(i));
        stamps[kept] = stamps[i];
        kept++;
      }
    }
    if (kept < n) {
      values.subList(kept, n).clear();
    }
  }
}
