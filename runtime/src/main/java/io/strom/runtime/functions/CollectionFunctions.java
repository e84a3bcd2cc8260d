package io.strom.runtime.functions;

import io.strom.data.ArrayData;
import io.strom.data.DecimalData;
import io.strom.data.MapData;
import io.strom.data.StringData;
import io.strom.data.TimestampData;
import java.util.Objects;

/** Helpers for ARRAY and MAP access in generated code. */
public final class CollectionFunctions {
  private CollectionFunctions() {}

  /** The 0-based position of SQL index {@code index} (1-based), or -1 when out of range. */
  public static int arrayIndex(ArrayData array, long index) {
    return index >= 1 && index <= array.size() ? (int) index - 1 : -1;
  }

  /**
   * The position of {@code key} among the map's keys, or -1 when absent. Keys are compared as
   * internal values; primitive keys arrive boxed.
   */
  public static int mapIndex(MapData map, Object key) {
    ArrayData keys = map.keyArray();
    for (int i = 0; i < keys.size(); i++) {
      if (!keys.isNullAt(i) && Objects.equals(key(keys, i, key), key)) {
        return i;
      }
    }
    return -1;
  }

  /** MAP_KEYS: the map's keys, in the map's order. */
  public static ArrayData mapKeys(MapData map) {
    return map.keyArray();
  }

  /** MAP_VALUES: the map's values, in the map's order. */
  public static ArrayData mapValues(MapData map) {
    return map.valueArray();
  }

  /** An ARRAY_CONTAINS needle that equals no element: a value the element type cannot hold. */
  public static final Object NO_MATCH = new Object();

  /**
   * ARRAY_CONTAINS: whether the array holds {@code element} (an internal value, primitives
   * boxed), or a NULL element when {@code element} is null.
   */
  public static boolean arrayContains(ArrayData array, Object element) {
    if (element == NO_MATCH) {
      return false;
    }
    for (int i = 0; i < array.size(); i++) {
      if (array.isNullAt(i)) {
        if (element == null) {
          return true;
        }
      } else if (element != null && Objects.equals(key(array, i, element), element)) {
        return true;
      }
    }
    return false;
  }

  private static Object key(ArrayData keys, int pos, Object like) {
    if (like instanceof StringData) {
      return keys.getString(pos);
    } else if (like instanceof Integer) {
      return keys.getInt(pos);
    } else if (like instanceof Long) {
      return keys.getLong(pos);
    } else if (like instanceof Boolean) {
      return keys.getBoolean(pos);
    } else if (like instanceof Double) {
      return keys.getDouble(pos);
    } else if (like instanceof Short) {
      return keys.getShort(pos);
    } else if (like instanceof Byte) {
      return keys.getByte(pos);
    } else if (like instanceof Float) {
      return keys.getFloat(pos);
    } else if (like instanceof DecimalData d) {
      return keys.getDecimal(pos, d.precision(), d.scale());
    } else if (like instanceof TimestampData) {
      return keys.getTimestamp(pos, 9);
    }
    throw new EvaluationException("Values of " + like.getClass().getSimpleName()
        + " are not supported in element lookups");
  }

  /** 0 for an array of one element, -1 for an empty one; an error for more, as ELEMENT requires. */
  public static int singleIndex(ArrayData array) {
    if (array.size() > 1) {
      throw new EvaluationException(
          "ELEMENT needs an array of at most one element, got " + array.size());
    }
    return array.size() == 1 ? 0 : -1;
  }
}
