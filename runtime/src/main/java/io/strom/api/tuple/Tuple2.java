package io.strom.api.tuple;

import java.util.Objects;

/** A mutable pair of values; prints as Flink does: {@code (a,b)}. */
public final class Tuple2<T0, T1> implements Tuple {
  public T0 f0;
  public T1 f1;

  public Tuple2() {}

  public Tuple2(T0 f0, T1 f1) {
    this.f0 = f0;
    this.f1 = f1;
  }

  public static <T0, T1> Tuple2<T0, T1> of(T0 f0, T1 f1) {
    return new Tuple2<>(f0, f1);
  }

  @Override
  public int arity() {
    return 2;
  }

  @Override
  public Object getField(int pos) {
    return switch (pos) {
      case 0 -> f0;
      case 1 -> f1;
      default -> throw new IndexOutOfBoundsException("Tuple2 has no field " + pos);
    };
  }

  @Override
  @SuppressWarnings("unchecked")
  public void setField(int pos, Object value) {
    switch (pos) {
      case 0 -> f0 = (T0) value;
      case 1 -> f1 = (T1) value;
      default -> throw new IndexOutOfBoundsException("Tuple2 has no field " + pos);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tuple2<?, ?> other
        && Objects.deepEquals(f0, other.f0)
        && Objects.deepEquals(f1, other.f1);
  }

  @Override
  public int hashCode() {
    return 31 * Objects.hashCode(f0) + Objects.hashCode(f1);
  }

  @Override
  public String toString() {
    return "(" + TupleStrings.format(f0) + "," + TupleStrings.format(f1) + ")";
  }
}
