package io.strom.runtime.time;

import io.strom.runtime.state.KeyGroupRange;
import io.strom.runtime.state.KeyGroups;
import java.util.Arrays;
import java.util.HashMap;
import java.util.function.Consumer;

/**
 * The timers of one kind (event or processing time) of one timer service on the heap: a binary
 * min-heap by time for firing, plus one set per key group that deduplicates registrations and
 * lets a snapshot write the timers of any key group. Each timer knows its heap position, so
 * deletion is logarithmic.
 *
 * <p>Used only on the task's thread.
 */
final class HeapTimerQueue<K, N> implements TimerQueue<K, N> {
  /** Creates heap queues: the default, and always with the hashmap backend. */
  static final TimerQueueFactory FACTORY =
      new TimerQueueFactory() {
        @Override
        public <K, N> TimerQueue<K, N> create(
            String serviceName, boolean eventTime, KeyGroupRange range, int maxParallelism) {
          return new HeapTimerQueue<>(serviceName, range, maxParallelism);
        }
      };

  private final String serviceName;
  private final KeyGroupRange range;
  private final int maxParallelism;
  private final HashMap<InternalTimer<K, N>, InternalTimer<K, N>>[] byKeyGroup;
  private InternalTimer<K, N>[] heap = newArray(16);
  private int size;
  private long nextSequence;

  @SuppressWarnings("unchecked")
  HeapTimerQueue(String serviceName, KeyGroupRange range, int maxParallelism) {
    this.serviceName = serviceName;
    this.range = range;
    this.maxParallelism = maxParallelism;
    this.byKeyGroup =
        (HashMap<InternalTimer<K, N>, InternalTimer<K, N>>[]) new HashMap<?, ?>[range.size()];
  }

  @Override
  public int size() {
    return size;
  }

  /** The earliest timer, or null. */
  @Override
  public InternalTimer<K, N> peek() {
    return size == 0 ? null : heap[0];
  }

  /** Adds a timer unless an equal one exists; returns whether it was added. */
  @Override
  public boolean add(K key, N namespace, long time) {
    InternalTimer<K, N> timer = new InternalTimer<>(key, namespace, time, nextSequence);
    int offset = groupOffset(key);
    HashMap<InternalTimer<K, N>, InternalTimer<K, N>> group = byKeyGroup[offset];
    if (group == null) {
      group = new HashMap<>();
      byKeyGroup[offset] = group;
    }
    if (group.putIfAbsent(timer, timer) != null) {
      return false;
    }
    nextSequence++;
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, size * 2);
    }
    heap[size] = timer;
    timer.heapIndex = size;
    size++;
    siftUp(size - 1);
    return true;
  }

  /** Removes the equal timer, if registered. */
  @Override
  public void remove(K key, N namespace, long time) {
    HashMap<InternalTimer<K, N>, InternalTimer<K, N>> group = byKeyGroup[groupOffset(key)];
    InternalTimer<K, N> stored =
        group == null ? null : group.remove(new InternalTimer<>(key, namespace, time, 0));
    if (stored != null) {
      removeFromHeap(stored.heapIndex);
    }
  }

  /** Removes and returns the earliest timer, or null. */
  @Override
  public InternalTimer<K, N> poll() {
    if (size == 0) {
      return null;
    }
    InternalTimer<K, N> head = heap[0];
    byKeyGroup[groupOffset(head.key())].remove(head);
    removeFromHeap(0);
    return head;
  }

  @Override
  public void forEachInKeyGroup(int keyGroup, Consumer<InternalTimer<K, N>> action) {
    if (!range.contains(keyGroup)) {
      throw new IllegalArgumentException(
          "Key group " + keyGroup + " is outside [" + range.first() + ", " + range.last() + "]");
    }
    HashMap<InternalTimer<K, N>, InternalTimer<K, N>> group = byKeyGroup[keyGroup - range.first()];
    if (group != null) {
      group.keySet().forEach(action);
    }
  }

  /**
   * One copy of the heap array: the task pauses for a copy of references, not for sorting them
   * into key groups (see {@link HeapFrozenTimers}).
   */
  @Override
  public FrozenTimers<K, N> freeze(KeyGroupRange frozenRange) {
    if (!frozenRange.equals(range)) {
      throw new IllegalArgumentException(
          "This queue holds key groups " + range + ", not " + frozenRange);
    }
    return new HeapFrozenTimers<>(Arrays.copyOf(heap, size), range, maxParallelism);
  }

  private void removeFromHeap(int index) {
    InternalTimer<K, N> removed = heap[index];
    removed.heapIndex = -1;
    size--;
    if (index == size) {
      heap[size] = null;
      return;
    }
    InternalTimer<K, N> last = heap[size];
    heap[size] = null;
    heap[index] = last;
    last.heapIndex = index;
    siftDown(index);
    siftUp(last.heapIndex);
  }

  private void siftUp(int index) {
    InternalTimer<K, N> timer = heap[index];
    while (index > 0) {
      int parent = (index - 1) >>> 1;
      InternalTimer<K, N> p = heap[parent];
      if (!timer.firesBefore(p)) {
        break;
      }
      heap[index] = p;
      p.heapIndex = index;
      index = parent;
    }
    heap[index] = timer;
    timer.heapIndex = index;
  }

  private void siftDown(int index) {
    InternalTimer<K, N> timer = heap[index];
    int half = size >>> 1;
    while (index < half) {
      int child = 2 * index + 1;
      int right = child + 1;
      if (right < size && heap[right].firesBefore(heap[child])) {
        child = right;
      }
      if (!heap[child].firesBefore(timer)) {
        break;
      }
      heap[index] = heap[child];
      heap[index].heapIndex = index;
      index = child;
    }
    heap[index] = timer;
    timer.heapIndex = index;
  }

  private int groupOffset(K key) {
    int keyGroup = KeyGroups.keyGroupOf(key, maxParallelism);
    if (!range.contains(keyGroup)) {
      throw new IllegalStateException(
          "Bug: timer of service '" + serviceName + "' for key '" + key + "' belongs to key group "
              + keyGroup + ", outside this subtask's key groups [" + range.first() + ", "
              + range.last() + "]; the record was routed to the wrong subtask.");
    }
    return keyGroup - range.first();
  }

  @SuppressWarnings("unchecked")
  private static <K, N> InternalTimer<K, N>[] newArray(int capacity) {
    return (InternalTimer<K, N>[]) new InternalTimer<?, ?>[capacity];
  }
}
