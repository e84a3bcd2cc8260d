package io.strom.data;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.StringJoiner;

/**
 * The object form of {@link MapData}: wraps a Java map of internal values (keys compare with their
 * {@code equals}). The map is not copied; its key and value arrays are built on first use.
 */
public final class GenericMap implements MapData {
  private final Map<?, ?> map;
  private GenericArray keys;
  private GenericArray values;

  public GenericMap(Map<?, ?> map) {
    this.map = requireNonNull(map, "map");
  }

  /** The wrapped map. */
  public Map<?, ?> javaMap() {
    return map;
  }

  @Override
  public int size() {
    return map.size();
  }

  @Override
  public ArrayData keyArray() {
    if (keys == null) {
      split();
    }
    return keys;
  }

  @Override
  public ArrayData valueArray() {
    if (values == null) {
      split();
    }
    return values;
  }

  /** Builds both arrays in one pass so keys and values line up. */
  private void split() {
    Object[] k = new Object[map.size()];
    Object[] v = new Object[map.size()];
    int i = 0;
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      k[i] = entry.getKey();
      v[i] = entry.getValue();
      i++;
    }
    keys = new GenericArray(k);
    values = new GenericArray(v);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GenericMap other && map.equals(other.map);
  }

  @Override
  public int hashCode() {
    return map.hashCode();
  }

  /** Prints as Flink prints maps: {@code {a=1, b=2}}. */
  @Override
  public String toString() {
    StringJoiner joiner = new StringJoiner(", ", "{", "}");
    map.forEach(
        (k, v) -> joiner.add(InternalValues.format(k) + "=" + InternalValues.format(v)));
    return joiner.toString();
  }
}
