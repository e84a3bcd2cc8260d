package io.strom.runtime.state;

/**
 * The five kinds of keyed state; a state name is bound to one kind for a backend's life, and the
 * kind is written with each state in a checkpoint (its ordinal), so the order must not change.
 */
public enum StateKind {
  VALUE("value"),
  LIST("list"),
  MAP("map"),
  REDUCING("reducing"),
  AGGREGATING("aggregating");

  /** The kind as users name it in error messages. */
  public final String label;

  StateKind(String label) {
    this.label = label;
  }

  /** The error when a state name is used again for another kind. */
  public static IllegalStateException conflict(String name, StateKind existing, StateKind wanted) {
    return new IllegalStateException(
        "State '" + name + "' already exists as " + existing.label + " state and cannot be used"
            + " as " + wanted.label + " state; give each state of an operator its own name");
  }

  /** The error when a restored state is declared as another kind. */
  public static IllegalStateException restoredAsOther(
      String name, StateKind restored, StateKind declared) {
    return new IllegalStateException(
        "State '" + name + "' was restored from a checkpoint as " + restored.label
            + " state but is now declared as " + declared.label + " state; keep the kind of a"
            + " state, or give the new one another name");
  }

  /** The kind of an ordinal read from a checkpoint. */
  public static StateKind ofOrdinal(int ordinal, String stateName) throws java.io.IOException {
    StateKind[] kinds = values();
    if (ordinal < 0 || ordinal >= kinds.length) {
      throw new java.io.IOException("Unknown kind " + ordinal + " of state '" + stateName + "'");
    }
    return kinds[ordinal];
  }
}
