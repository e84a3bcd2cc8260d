package io.strom.runtime.state;

/** The namespace of state that is scoped only by key (not by a window). */
public enum VoidNamespace {
  INSTANCE
}
