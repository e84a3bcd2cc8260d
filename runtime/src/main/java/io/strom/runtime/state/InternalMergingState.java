package io.strom.runtime.state;

import java.util.Collection;

/** State whose namespaces can be merged, as session windows merge. */
public interface InternalMergingState<K, N> {
  /** Merges the values of {@code sources} into {@code target} and clears the sources. */
  void mergeNamespaces(K key, N target, Collection<N> sources) throws Exception;

  void clear(K key, N namespace);
}
