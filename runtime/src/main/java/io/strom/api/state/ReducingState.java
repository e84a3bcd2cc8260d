package io.strom.api.state;

/** A value per key that added values are reduced into; {@code null} when unset. */
public interface ReducingState<T> extends State {
  T get();

  void add(T value);
}
