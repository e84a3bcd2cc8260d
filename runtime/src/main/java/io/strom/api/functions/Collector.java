package io.strom.api.functions;

/** Receives the elements a function emits. */
public interface Collector<T> {
  void collect(T record);
}
