package io.strom.runtime.state.heap;

import io.strom.runtime.state.InternalListState;
import io.strom.runtime.state.StateKind;
import io.strom.runtime.state.TtlPolicy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * List state on the heap. Stored form: an {@link ElementList}; with a time-to-live every element
 * expires on its own. Used only on the task's thread.
 */
final class HeapListState<K, N, V> extends AbstractHeapState<K, N>
    implements InternalListState<K, N, V> {

  HeapListState(String name, StateTable<K, N> table, TtlPolicy ttl) {
    super(name, table, ttl);
  }

  @Override
  StateKind kind() {
    return StateKind.LIST;
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<V> get(K key, N namespace) {
    StateEntry<K, N> e = table.find(key, namespace);
    if (!ttl.enabled) {
      return e == null ? null : ((ElementList<V>) e.value).view();
    }
    long now = ttl.now();
    List<V> result = e == null ? null : readLive(e, (ElementList<V>) e.value, now);
    cleanup(now);
    return result;
  }

  private List<V> readLive(StateEntry<K, N> e, ElementList<V> list, long now) {
    List<V> result = null;
    if (list.anyExpired(now, ttl.ttlMillis)) {
      // Expired elements are removed now; this read may still see them if configured so.
      if (ttl.returnExpired) {
        result = new ArrayList<>(list.view());
      }
      list.dropExpired(now, ttl.ttlMillis);
      if (list.size() == 0) {
        table.removeEntry(e);
        return result;
      }
    }
    if (ttl.renewOnRead) {
      list.renewAll(now);
    }
    return result != null ? result : list.view();
  }

  @Override
  public void add(K key, N namespace, V value) {
    requireElement(value);
    long now = ttl.enabled ? ttl.now() : 0L;
    listForWrite(key, namespace, now).add(value, now);
    if (ttl.enabled) {
      cleanup(now);
    }
  }

  @Override
  public void addAll(K key, N namespace, List<V> values) {
    if (values.isEmpty()) {
      return;
    }
    values.forEach(HeapListState::requireElement);
    long now = ttl.enabled ? ttl.now() : 0L;
    ElementList<V> list = listForWrite(key, namespace, now);
    for (V v : values) {
      list.add(v, now);
    }
    if (ttl.enabled) {
      cleanup(now);
    }
  }

  @Override
  public void update(K key, N namespace, List<V> values) {
    // Checked before clearing, so a rejected update leaves the old list in place.
    values.forEach(HeapListState::requireElement);
    table.delete(key, namespace);
    addAll(key, namespace, values);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void mergeNamespaces(K key, N target, Collection<N> sources) {
    long now = ttl.enabled ? ttl.now() : 0L;
    ElementList<V> merged = null;
    for (N source : sources) {
      if (source.equals(target)) {
        continue;
      }
      StateEntry<K, N> e = table.remove(key, source);
      if (e == null) {
        continue;
      }
      ElementList<V> from = (ElementList<V>) e.value;
      if (merged == null) {
        merged = listForWrite(key, target, now);
      }
      // Elements keep their own timestamps: merging windows is not a write of their values.
      for (int i = 0; i < from.size(); i++) {
        merged.add(from.values.get(i), ttl.enabled ? from.stampAt(i) : now);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private ElementList<V> listForWrite(K key, N namespace, long now) {
    StateEntry<K, N> e = table.findOrInsert(key, namespace, now);
    if (e.value == null) {
      e.value = new ElementList<V>(ttl.enabled);
    }
    return (ElementList<V>) e.value;
  }

  @Override
  @SuppressWarnings("unchecked")
  boolean purgeExpired(StateEntry<K, N> entry, long now) {
    ElementList<V> list = (ElementList<V>) entry.value;
    list.dropExpired(now, ttl.ttlMillis);
    return list.size() == 0;
  }

  private static void requireElement(Object value) {
    if (value == null) {
      throw new NullPointerException("List state elements must not be null");
    }
  }
}
