package io.strom.data;

import static io.strom.data.BinaryFormat.INT;

/**
 * The compact binary form of {@link MapData}: the byte size of the key array (4 bytes) and 4 zero
 * bytes, then the key array and the value array, both {@link BinaryArray}s.
 */
public final class BinaryMap extends BinarySection implements MapData {
  private final BinaryArray keys = new BinaryArray();
  private final BinaryArray values = new BinaryArray();

  /** A map of the given key and value arrays, which must have the same size; copies their bytes. */
  public static BinaryMap of(BinaryArray keys, BinaryArray values) {
    if (keys.size() != values.size()) {
      throw new IllegalArgumentException(
          "A map needs as many values as keys, got " + keys.size() + " keys and " + values.size()
              + " values");
    }
    byte[] bytes = new byte[8 + keys.sizeInBytes() + values.sizeInBytes()];
    INT.set(bytes, 0, keys.sizeInBytes());
    System.arraycopy(keys.bytes(), keys.offset(), bytes, 8, keys.sizeInBytes());
    System.arraycopy(
        values.bytes(), values.offset(), bytes, 8 + keys.sizeInBytes(), values.sizeInBytes());
    BinaryMap map = new BinaryMap();
    map.pointTo(bytes, 0, bytes.length);
    return map;
  }

  @Override
  public void pointTo(byte[] bytes, int offset, int sizeInBytes) {
    super.pointTo(bytes, offset, sizeInBytes);
    int keyBytes = (int) INT.get(bytes, offset);
    keys.pointTo(bytes, offset + 8, keyBytes);
    values.pointTo(bytes, offset + 8 + keyBytes, sizeInBytes - 8 - keyBytes);
  }

  @Override
  public int size() {
    return keys.size();
  }

  @Override
  public BinaryArray keyArray() {
    return keys;
  }

  @Override
  public BinaryArray valueArray() {
    return values;
  }

  /** A map with its own copy of the bytes. */
  public BinaryMap copy() {
    BinaryMap copy = new BinaryMap();
    copy.pointTo(toBytes(), 0, sizeInBytes);
    return copy;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BinaryMap other && sameBytes(other);
  }

  @Override
  public int hashCode() {
    return hashBytes();
  }

  @Override
  public String toString() {
    return "<binary map of " + size() + " entries, " + sizeInBytes + " bytes>";
  }
}
