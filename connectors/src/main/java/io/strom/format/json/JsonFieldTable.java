package io.strom.format.json;

import java.io.Serializable;
import java.util.List;

/**
 * Finds a field's position by its name with an open-addressing hash table built once per row type,
 * so decoding needs no map per record. Jackson hands out canonical (interned) name strings, whose
 * hash is cached and which usually match by identity.
 */
final class JsonFieldTable implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String[] names;
  private final int[] positions;
  private final int mask;

  JsonFieldTable(List<String> fieldNames) {
    int capacity = Integer.highestOneBit(Math.max(4, fieldNames.size() * 2 + 1)) << 1;
    names = new String[capacity];
    positions = new int[capacity];
    mask = capacity - 1;
    for (int i = 0; i < fieldNames.size(); i++) {
      String name = fieldNames.get(i).intern();
      int slot = name.hashCode() & mask;
      while (names[slot] != null) {
        slot = (slot + 1) & mask;
      }
      names[slot] = name;
      positions[slot] = i;
    }
  }

  /** The position of the field, or -1 when the row type has no such field. */
  int indexOf(String name) {
    int slot = name.hashCode() & mask;
    while (true) {
      String candidate = names[slot];
      if (candidate == null) {
        return -1;
      }
      if (candidate == name || candidate.equals(name)) {
        return positions[slot];
      }
      slot = (slot + 1) & mask;
    }
  }
}
