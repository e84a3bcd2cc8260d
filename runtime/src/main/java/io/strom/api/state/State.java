package io.strom.api.state;

/** A piece of keyed state, scoped to the key of the element or timer being processed. */
public interface State {
  /** Removes this state's value for the current key. */
  void clear();
}
