package io.strom.serde;

import static java.util.Objects.requireNonNull;

import io.strom.data.ArrayData;
import io.strom.data.BinaryArray;
import io.strom.data.BinaryArrayWriter;
import io.strom.types.LogicalType;
import java.io.IOException;

/**
 * Serializer of {@link ArrayData} with elements of one SQL type: converts any array to the binary
 * form and writes its byte length and bytes; reads {@link BinaryArray}s.
 *
 * <p>Keeps a scratch writer: one instance per thread ({@link #duplicate()}).
 */
public final class ArrayDataSerializer implements TypeSerializer<ArrayData> {
  private static final long serialVersionUID = 1L;

  private final LogicalType elementType;
  private final transient BinaryArrayWriter writer;
  private final transient FieldCopier elementCopier;

  public ArrayDataSerializer(LogicalType elementType) {
    this.elementType = requireNonNull(elementType, "elementType");
    this.writer = new BinaryArrayWriter(BinaryArray.elementWidth(elementType));
    this.elementCopier = FieldCopiers.of(elementType);
  }

  public LogicalType elementType() {
    return elementType;
  }

  /**
   * The binary form of {@code array}: the array itself when it is binary already, otherwise a
   * view of this serializer's scratch buffer, valid until the next call.
   */
  public BinaryArray toBinary(ArrayData array) {
    if (array instanceof BinaryArray binary) {
      return binary;
    }
    int size = array.size();
    writer.reset(size);
    for (int i = 0; i < size; i++) {
      elementCopier.copy(array, i, writer);
    }
    return writer.complete();
  }

  @Override
  public void serialize(ArrayData value, DataOutputView target) throws IOException {
    BinaryArray binary = toBinary(value);
    target.writeInt(binary.sizeInBytes());
    target.write(binary.bytes(), binary.offset(), binary.sizeInBytes());
  }

  @Override
  public BinaryArray deserialize(DataInputView source) throws IOException {
    byte[] bytes = new byte[source.readInt()];
    source.readFully(bytes);
    BinaryArray array = new BinaryArray();
    array.pointTo(bytes, 0, bytes.length);
    return array;
  }

  /** Copies into a binary array with its own bytes. */
  @Override
  public BinaryArray copy(ArrayData value) {
    return toBinary(value).copy();
  }

  @Override
  public ArrayDataSerializer duplicate() {
    return new ArrayDataSerializer(elementType);
  }

  private Object readResolve() {
    return duplicate();
  }
}
