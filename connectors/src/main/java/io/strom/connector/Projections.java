package io.strom.connector;

import io.strom.types.RowType;
import io.strom.types.RowType.RowField;
import java.util.ArrayList;
import java.util.List;

/** Helpers for top-level projections: arrays of field indexes into a row type. */
public final class Projections {
  private Projections() {}

  /** True for null (no projection) or {@code [0, 1, ..., arity - 1]}. */
  public static boolean isIdentity(int[] projection, int arity) {
    if (projection == null) {
      return true;
    }
    if (projection.length != arity) {
      return false;
    }
    for (int i = 0; i < arity; i++) {
      if (projection[i] != i) {
        return false;
      }
    }
    return true;
  }

  /** The identity projection of {@code arity} fields. */
  public static int[] identity(int arity) {
    int[] all = new int[arity];
    for (int i = 0; i < arity; i++) {
      all[i] = i;
    }
    return all;
  }

  /** The type of the projected row; checks that indexes are in range and distinct. */
  public static RowType project(RowType type, int[] projection) {
    List<RowField> fields = new ArrayList<>(projection.length);
    boolean[] seen = new boolean[type.fieldCount()];
    for (int index : projection) {
      if (index < 0 || index >= type.fieldCount()) {
        throw new IllegalArgumentException(
            "Projection index " + index + " is outside a row of " + type.fieldCount() + " fields");
      }
      if (seen[index]) {
        throw new IllegalArgumentException("Projection repeats field " + index);
      }
      seen[index] = true;
      fields.add(type.fields().get(index));
    }
    return new RowType(type.nullable(), fields);
  }
}
