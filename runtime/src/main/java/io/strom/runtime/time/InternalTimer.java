package io.strom.runtime.time;

/**
 * One registered timer: a key, a namespace and a time. Timers are equal when all three are; the
 * registration order only breaks ties between equal times, so timers fire deterministically.
 *
 * <p>Used only on the task's thread.
 */
public final class InternalTimer<K, N> {
  private final K key;
  private final N namespace;
  private final long time;
  private final int hash;
  final long sequence;
  /** Position in the owning queue's heap array; -1 once removed. */
  int heapIndex = -1;

  InternalTimer(K key, N namespace, long time, long sequence) {
    this.key = key;
    this.namespace = namespace;
    this.time = time;
    this.sequence = sequence;
    this.hash = (31 * key.hashCode() + namespace.hashCode()) * 31 + Long.hashCode(time);
  }

  /** A timer read back from storage that orders timers itself (no registration order). */
  public static <K, N> InternalTimer<K, N> of(K key, N namespace, long time) {
    return new InternalTimer<>(key, namespace, time, 0);
  }

  public K key() {
    return key;
  }

  public N namespace() {
    return namespace;
  }

  public long time() {
    return time;
  }

  /** Orders by time, then by registration. */
  boolean firesBefore(InternalTimer<?, ?> other) {
    return time < other.time || (time == other.time && sequence < other.sequence);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InternalTimer<?, ?> other
        && other.time == time
        && other.key.equals(key)
        && other.namespace.equals(namespace);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return "Timer(" + key + ", " + namespace + ", " + time + ")";
  }
}
