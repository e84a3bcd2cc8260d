package io.strom.serde;

import static java.util.Objects.requireNonNull;

import io.strom.data.BinaryMap;
import io.strom.data.MapData;
import io.strom.types.LogicalType;
import java.io.IOException;

/**
 * Serializer of {@link MapData} (and multisets) with keys and values of given SQL types: converts
 * any map to a {@link BinaryMap} and writes its byte length and bytes.
 *
 * <p>Keeps scratch writers: one instance per thread ({@link #duplicate()}).
 */
public final class MapDataSerializer implements TypeSerializer<MapData> {
  private static final long serialVersionUID = 1L;

  private final LogicalType keyType;
  private final LogicalType valueType;
  private final transient ArrayDataSerializer keys;
  private final transient ArrayDataSerializer values;

  public MapDataSerializer(LogicalType keyType, LogicalType valueType) {
    this.keyType = requireNonNull(keyType, "keyType");
    this.valueType = requireNonNull(valueType, "valueType");
    this.keys = new ArrayDataSerializer(keyType);
    this.values = new ArrayDataSerializer(valueType);
  }

  /** The binary form of {@code map}: the map itself when it is binary already, else a new one. */
  public BinaryMap toBinary(MapData map) {
    if (map instanceof BinaryMap binary) {
      return binary;
    }
    return BinaryMap.of(keys.toBinary(map.keyArray()), values.toBinary(map.valueArray()));
  }

  @Override
  public void serialize(MapData value, DataOutputView target) throws IOException {
    BinaryMap binary = toBinary(value);
    target.writeInt(binary.sizeInBytes());
    target.write(binary.bytes(), binary.offset(), binary.sizeInBytes());
  }

  @Override
  public BinaryMap deserialize(DataInputView source) throws IOException {
    byte[] bytes = new byte[source.readInt()];
    source.readFully(bytes);
    BinaryMap map = new BinaryMap();
    map.pointTo(bytes, 0, bytes.length);
    return map;
  }

  /** Copies into a binary map with its own bytes. */
  @Override
  public BinaryMap copy(MapData value) {
    return value instanceof BinaryMap binary ? binary.copy() : toBinary(value);
  }

  @Override
  public MapDataSerializer duplicate() {
    return new MapDataSerializer(keyType, valueType);
  }

  private Object readResolve() {
    return duplicate();
  }
}
