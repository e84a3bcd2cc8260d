package io.strom.runtime.state.heap;

import io.strom.runtime.state.InternalMapState;
import io.strom.runtime.state.StateKind;
import io.strom.runtime.state.TtlPolicy;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Map state on the heap. Stored form: a {@code HashMap} from user key to the user value, or to a
 * {@link TimedValue} when the state has a time-to-live, so every map entry expires on its own. An
 * emptied map removes its (key, namespace) entry. Used only on the task's thread.
 */
final class HeapMapState<K, N, UK, UV> extends AbstractHeapState<K, N>
    implements InternalMapState<K, N, UK, UV> {
  private static final Object ABSENT = new Object();

  HeapMapState(String name, StateTable<K, N> table, TtlPolicy ttl) {
    super(name, table, ttl);
  }

  @Override
  StateKind kind() {
    return StateKind.MAP;
  }

  @Override
  @SuppressWarnings("unchecked")
  public UV get(K key, N namespace, UK userKey) {
    if (!ttl.enabled) {
      StateEntry<K, N> e = table.find(key, namespace);
      return e == null ? null : ((HashMap<UK, UV>) e.value).get(userKey);
    }
    Object v = lookup(key, namespace, userKey);
    return v == ABSENT ? null : (UV) v;
  }

  @Override
  public boolean contains(K key, N namespace, UK userKey) {
    return lookup(key, namespace, userKey) != ABSENT;
  }

  /** The user value, or {@link #ABSENT}; applies expiry, visibility and renewal on read. */
  @SuppressWarnings("unchecked")
  private Object lookup(K key, N namespace, UK userKey) {
    StateEntry<K, N> e = table.find(key, namespace);
    HashMap<UK, Object> map = e == null ? null : (HashMap<UK, Object>) e.value;
    if (!ttl.enabled) {
      return map == null || !map.containsKey(userKey) ? ABSENT : map.get(userKey);
    }
    long now = ttl.now();
    Object result = ABSENT;
    TimedValue<UV> timed = map == null ? null : (TimedValue<UV>) map.get(userKey);
    if (timed != null) {
      if (ttl.isExpired(timed.timestamp, now)) {
        map.remove(userKey);
        removeIfEmpty(e, map);
        result = ttl.returnExpired ? timed.value : ABSENT;
      } else {
        if (ttl.renewOnRead) {
          timed.timestamp = now;
        }
        result = timed.value;
      }
    }
    cleanup(now);
    return result;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void put(K key, N namespace, UK userKey, UV value) {
    long now = ttl.enabled ? ttl.now() : 0L;
    StateEntry<K, N> e = table.findOrInsert(key, namespace, now);
    if (e.value == null) {
      e.value = new HashMap<UK, Object>();
    }
    HashMap<UK, Object> map = (HashMap<UK, Object>) e.value;
    if (ttl.enabled) {
      // Overwriting reuses the stored holder: updates of existing entries do not allocate.
      TimedValue<UV> timed = (TimedValue<UV>) map.get(userKey);
      if (timed == null) {
        map.put(userKey, new TimedValue<>(value, now));
      } else {
        timed.value = value;
        timed.timestamp = now;
      }
      cleanup(now);
    } else {
      map.put(userKey, value);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public void remove(K key, N namespace, UK userKey) {
    StateEntry<K, N> e = table.find(key, namespace);
    if (e != null) {
      HashMap<UK, Object> map = (HashMap<UK, Object>) e.value;
      map.remove(userKey);
      removeIfEmpty(e, map);
    }
    if (ttl.enabled) {
      cleanup(ttl.now());
    }
  }

  @Override
  public boolean isEmpty(K key, N namespace) {
    return !entries(key, namespace).iterator().hasNext();
  }

  @Override
  public Iterable<Map.Entry<UK, UV>> entries(K key, N namespace) {
    // Resolved when iterated, so an Iterable kept across updates sees the current map.
    return () -> iterator(key, namespace);
  }

  @SuppressWarnings("unchecked")
  private Iterator<Map.Entry<UK, UV>> iterator(K key, N namespace) {
    StateEntry<K, N> e = table.find(key, namespace);
    if (!ttl.enabled) {
      if (e == null) {
        return Collections.emptyIterator();
      }
      HashMap<UK, UV> map = (HashMap<UK, UV>) e.value;
      return new RemovingIterator<>(map.entrySet().iterator(), () -> removeIfEmpty(e, map));
    }
    long now = ttl.now();
    Iterator<Map.Entry<UK, UV>> result =
        e == null ? Collections.emptyIterator() : timedIterator(e, now);
    cleanup(now);
    return result;
  }

  /**
   * Drops expired entries first, then iterates the live ones; expired entries come last when this
   * read may still see them. Removing through the iterator removes from state.
   */
  @SuppressWarnings("unchecked")
  private Iterator<Map.Entry<UK, UV>> timedIterator(StateEntry<K, N> e, long now) {
    HashMap<UK, TimedValue<UV>> map = (HashMap<UK, TimedValue<UV>>) e.value;
    List<Map.Entry<UK, UV>> expired = null;
    for (Iterator<Map.Entry<UK, TimedValue<UV>>> it = map.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<UK, TimedValue<UV>> entry = it.next();
      TimedValue<UV> timed = entry.getValue();
      if (ttl.isExpired(timed.timestamp, now)) {
        it.remove();
        if (ttl.returnExpired) {
          expired = expired == null ? new ArrayList<>() : expired;
          expired.add(new AbstractMap.SimpleImmutableEntry<>(entry.getKey(), timed.value));
        }
      } else if (ttl.renewOnRead) {
        timed.timestamp = now;
      }
    }
    removeIfEmpty(e, map);
    Iterator<Map.Entry<UK, TimedValue<UV>>> live = map.entrySet().iterator();
    Iterator<Map.Entry<UK, UV>> unwrapped =
        new RemovingIterator<>(new UnwrappingIterator<>(live, now), () -> removeIfEmpty(e, map));
    if (expired == null) {
      return unwrapped;
    }
    Iterator<Map.Entry<UK, UV>> tail = expired.iterator();
    return new Iterator<>() {
      private boolean lastWasLive;

      @Override
      public boolean hasNext() {
        return unwrapped.hasNext() || tail.hasNext();
      }

      @Override
      public Map.Entry<UK, UV> next() {
        lastWasLive = unwrapped.hasNext();
        return lastWasLive ? unwrapped.next() : tail.next();
      }

      @Override
      public void remove() {
        // Expired entries were already removed from state; only live ones need removing.
        if (lastWasLive) {
          unwrapped.remove();
        }
      }
    };
  }

  private void removeIfEmpty(StateEntry<K, N> e, Map<?, ?> map) {
    if (map.isEmpty()) {
      table.removeEntry(e);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  boolean purgeExpired(StateEntry<K, N> entry, long now) {
    HashMap<UK, TimedValue<UV>> map = (HashMap<UK, TimedValue<UV>>) entry.value;
    map.values().removeIf(timed -> ttl.isExpired(timed.timestamp, now));
    return map.isEmpty();
  }

  /** Delegates, and after each removal runs a check that drops the state entry of an empty map. */
  private static final class RemovingIterator<T> implements Iterator<T> {
    private final Iterator<T> delegate;
    private final Runnable afterRemove;

    RemovingIterator(Iterator<T> delegate, Runnable afterRemove) {
      this.delegate = delegate;
      this.afterRemove = afterRemove;
    }

    @Override
    public boolean hasNext() {
      return delegate.hasNext();
    }

    @Override
    public T next() {
      return delegate.next();
    }

    @Override
    public void remove() {
      delegate.remove();
      afterRemove.run();
    }
  }

  /** Presents timed map entries as user entries; {@code setValue} writes through and renews. */
  private static final class UnwrappingIterator<UK, UV> implements Iterator<Map.Entry<UK, UV>> {
    private final Iterator<Map.Entry<UK, TimedValue<UV>>> delegate;
    private final long now;

    UnwrappingIterator(Iterator<Map.Entry<UK, TimedValue<UV>>> delegate, long now) {
      this.delegate = delegate;
      this.now = now;
    }

    @Override
    public boolean hasNext() {
      return delegate.hasNext();
    }

    @Override
    public Map.Entry<UK, UV> next() {
      if (!delegate.hasNext()) {
        throw new NoSuchElementException();
      }
      Map.Entry<UK, TimedValue<UV>> entry = delegate.next();
      TimedValue<UV> timed = entry.getValue();
      return new AbstractMap.SimpleEntry<>(entry.getKey(), timed.value) {
        @Override
        public UV setValue(UV value) {
          timed.value = value;
          timed.timestamp = now;
          return super.setValue(value);
        }
      };
    }

    @Override
    public void remove() {
      delegate.remove();
    }
  }
}
