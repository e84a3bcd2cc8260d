package io.strom.api.tuple;

/**
 * A fixed-size group of values with public mutable fields {@code f0}, {@code f1}, ..., for the
 * DataStream API; {@link #getField} and {@link #setField} reach the fields by position.
 */
public sealed interface Tuple permits Tuple2, Tuple3 {

  int arity();

  Object getField(int pos);

  void setField(int pos, Object value);

  /** A tuple of the given arity with all fields null. */
  static Tuple newInstance(int arity) {
    return switch (arity) {
      case 2 -> new Tuple2<>();
      case 3 -> new Tuple3<>();
      default -> throw new IllegalArgumentException("No tuple class of arity " + arity);
    };
  }
}
