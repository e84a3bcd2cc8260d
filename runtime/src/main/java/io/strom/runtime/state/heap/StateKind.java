package io.strom.runtime.state.heap;

/** The five kinds of keyed state; a state name is bound to one kind for the backend's life. */
enum StateKind {
  VALUE("value"),
  LIST("list"),
  MAP("map"),
  REDUCING("reducing"),
  AGGREGATING("aggregating");

  final String label;

  StateKind(String label) {
    this.label = label;
  }
}
