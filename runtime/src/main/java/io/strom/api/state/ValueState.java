package io.strom.api.state;

/** One value per key; {@code null} when unset. */
public interface ValueState<T> extends State {
  T value();

  void update(T value);
}
