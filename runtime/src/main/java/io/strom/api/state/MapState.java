package io.strom.api.state;

import java.util.Map;

/** A map per key; empty when unset. */
public interface MapState<UK, UV> extends State {
  UV get(UK key);

  void put(UK key, UV value);

  void remove(UK key);

  boolean contains(UK key);

  Iterable<Map.Entry<UK, UV>> entries();

  boolean isEmpty();
}
