package io.strom.api.tuple;

import java.util.Objects;

/** A mutable triple of values; prints as Flink does: {@code (a,b,c)}. */
public final class Tuple3<T0, T1, T2> implements Tuple {
  public T0 f0;
  public T1 f1;
  public T2 f2;

  public Tuple3() {}

  public Tuple3(T0 f0, T1 f1, T2 f2) {
    this.f0 = f0;
    this.f1 = f1;
    this.f2 = f2;
  }

  public static <T0, T1, T2> Tuple3<T0, T1, T2> of(T0 f0, T1 f1, T2 f2) {
    return new Tuple3<>(f0, f1, f2);
  }

  @Override
  public int arity() {
    return 3;
  }

  @Override
  public Object getField(int pos) {
    return switch (pos) {
      case 0 -> f0;
      case 1 -> f1;
      case 2 -> f2;
      default -> throw new IndexOutOfBoundsException("Tuple3 has no field " + pos);
    };
  }

  @Override
  @SuppressWarnings("unchecked")
  public void setField(int pos, Object value) {
    switch (pos) {
      case 0 -> f0 = (T0) value;
      case 1 -> f1 = (T1) value;
      case 2 -> f2 = (T2) value;
      default -> throw new IndexOutOfBoundsException("Tuple3 has no field " + pos);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tuple3<?, ?, ?> other
        && Objects.deepEquals(f0, other.f0)
        && Objects.deepEquals(f1, other.f1)
        && Objects.deepEquals(f2, other.f2);
  }

  @Override
  public int hashCode() {
    return Objects.hash(f0, f1, f2);
  }

  @Override
  public String toString() {
    return "(" + TupleStrings.format(f0) + "," + TupleStrings.format(f1) + ","
        + TupleStrings.format(f2) + ")";
  }
}
