package io.strom.api.state;

import java.util.List;

/** A list of values per key; empty when unset. */
public interface ListState<T> extends State {
  Iterable<T> get();

  void add(T value);

  void addAll(List<T> values);

  void update(List<T> values);
}
