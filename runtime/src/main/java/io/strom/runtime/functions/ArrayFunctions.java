package io.strom.runtime.functions;

import io.strom.data.ArrayData;
import io.strom.data.GenericArray;
import io.strom.data.GenericMap;
import io.strom.data.GenericRow;
import io.strom.data.MapData;
import io.strom.data.StringData;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Flink's array and map built-ins (ARRAY_DISTINCT, ARRAY_SLICE, MAP_UNION, ...) in generated code.
 * Generated code hands over the elements as boxed internal values, NULL elements as null, already
 * converted to the result's element type, so these helpers only need Java equality and order.
 * Array, map and string arguments are never NULL (only ARRAY_JOIN's optional replacement may be
 * left out as null): the generated code answers NULL itself.
 */
public final class ArrayFunctions {
  private ArrayFunctions() {}

  /** ARRAY_DISTINCT: the first occurrence of each element (NULL counts as one), in order. */
  public static ArrayData distinct(Object[] elements) {
    Set<Object> seen = new LinkedHashSet<>();
    List<Object> kept = new ArrayList<>();
    for (Object element : elements) {
      if (seen.add(equalityKey(element))) {
        kept.add(element);
      }
    }
    return new GenericArray(kept.toArray());
  }

  /**
   * ARRAY_REMOVE: the elements not equal to {@code needle}, in order; a null needle removes the
   * NULL elements, {@link CollectionFunctions#NO_MATCH} none.
   */
  public static ArrayData remove(Object[] elements, Object needle) {
    List<Object> kept = new ArrayList<>();
    for (Object element : elements) {
      if (!sameElement(element, needle)) {
        kept.add(element);
      }
    }
    return new GenericArray(kept.toArray());
  }

  /** ARRAY_POSITION: the 1-based position of the first element equal to {@code needle}, or 0. */
  public static int position(Object[] elements, Object needle) {
    for (int i = 0; i < elements.length; i++) {
      if (elements[i] != null && sameElement(elements[i], needle)) {
        return i + 1;
      }
    }
    return 0;
  }

  /** ARRAY_CONCAT: the elements of all arrays, one array after the other. */
  public static ArrayData concat(Object[]... arrays) {
    List<Object> all = new ArrayList<>();
    for (Object[] array : arrays) {
      all.addAll(Arrays.asList(array));
    }
    return new GenericArray(all.toArray());
  }

  /** ARRAY_UNION: the distinct elements of both arrays, in order of first appearance. */
  public static ArrayData union(Object[] first, Object[] second) {
    List<Object> all = new ArrayList<>(Arrays.asList(first));
    all.addAll(Arrays.asList(second));
    return distinct(all.toArray());
  }

  /** ARRAY_REVERSE: the elements in reverse order. */
  public static ArrayData reverse(Object[] elements) {
    Object[] reversed = new Object[elements.length];
    for (int i = 0; i < elements.length; i++) {
      reversed[elements.length - 1 - i] = elements[i];
    }
    return new GenericArray(reversed);
  }

  /** ARRAY_SLICE without an end offset: from {@code start} to the last element. */
  public static ArrayData slice(Object[] elements, long start) {
    return slice(elements, start, elements.length);
  }

  /**
   * ARRAY_SLICE: the elements from offset {@code start} to {@code end}, both inclusive. Offsets are
   * 1-based, negative ones count from the end (-1 is the last element) and 0 means the first
   * element, as does an end counted back to just before it (Flink's rule); offsets beyond either
   * end are moved to it, so only a range that lies wholly outside the array, or that ends before
   * it starts, is empty.
   */
  public static ArrayData slice(Object[] elements, long start, long end) {
    long size = elements.length;
    long from = Math.max(1, start < 0 ? start + size + 1 : start);
    long last = end < 0 ? end + size + 1 : end;
    long to = last == 0 ? 1 : Math.min(last, size);
    if (size == 0 || to < from) {
      return new GenericArray(new Object[0]);
    }
    return new GenericArray(Arrays.copyOfRange(elements, (int) from - 1, (int) to));
  }

  /** ARRAY_MAX: the greatest non-NULL element, null when there is none. */
  public static Object max(Object[] elements) {
    return extreme(elements, 1);
  }

  /** ARRAY_MIN: the least non-NULL element, null when there is none. */
  public static Object min(Object[] elements) {
    return extreme(elements, -1);
  }

  private static Object extreme(Object[] elements, int sign) {
    Object best = null;
    for (Object element : elements) {
      if (element != null && (best == null || sign * compare(element, best) > 0)) {
        best = element;
      }
    }
    return best;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Object a, Object b) {
    if (a instanceof byte[] x) {
      return Arrays.compareUnsigned(x, (byte[]) b);
    }
    return ((Comparable) a).compareTo(b);
  }

  /**
   * ARRAY_JOIN: the string elements joined by {@code delimiter}; NULL elements are left out, or
   * written as {@code nullReplacement} when it is given (not null).
   */
  public static StringData join(Object[] elements, StringData delimiter, StringData nullReplacement) {
    StringBuilder joined = new StringBuilder();
    boolean first = true;
    for (Object element : elements) {
      Object piece = element != null ? element : nullReplacement;
      if (piece != null) {
        if (!first) {
          joined.append(delimiter);
        }
        joined.append(piece);
        first = false;
      }
    }
    return StringData.fromString(joined.toString());
  }

  /** MAP_ENTRIES: one {@code ROW(key, value)} per entry, in the map's order. */
  public static ArrayData entries(Object[] keys, Object[] values) {
    Object[] rows = new Object[keys.length];
    for (int i = 0; i < keys.length; i++) {
      GenericRow row = new GenericRow(2);
      row.setField(0, keys[i]);
      row.setField(1, values[i]);
      rows[i] = row;
    }
    return new GenericArray(rows);
  }

  /**
   * MAP_FROM_ARRAYS: the i-th key mapped to the i-th value; a repeated key keeps its first place
   * and takes its last value, as in the MAP constructor.
   */
  public static MapData mapFromArrays(Object[] keys, Object[] values) {
    if (keys.length != values.length) {
      throw new EvaluationException("MAP_FROM_ARRAYS needs arrays of equal length, got "
          + keys.length + " keys and " + values.length + " values");
    }
    Map<Object, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keys.length; i++) {
      map.put(keys[i], values[i]);
    }
    return new GenericMap(map);
  }

  /**
   * MAP_UNION: the entries of all maps, given as alternating key and value arrays; a key of a later
   * map takes that map's value.
   */
  public static MapData mapUnion(Object[]... keysAndValues) {
    Map<Object, Object> map = new LinkedHashMap<>();
    for (int m = 0; m + 1 < keysAndValues.length; m += 2) {
      Object[] keys = keysAndValues[m];
      Object[] values = keysAndValues[m + 1];
      for (int i = 0; i < keys.length; i++) {
        map.put(keys[i], values[i]);
      }
    }
    return new GenericMap(map);
  }

  /** Element equality of the array functions: NULL equals NULL, bytes compare by content. */
  private static boolean sameElement(Object element, Object needle) {
    return needle != CollectionFunctions.NO_MATCH && Objects.deepEquals(element, needle);
  }

  /** A key whose equals and hashCode are the element equality of {@link #sameElement}. */
  private static Object equalityKey(Object element) {
    return element instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : element;
  }
}
