package io.strom.serde;

import static java.util.Objects.requireNonNull;

import io.strom.data.BinaryRow;
import io.strom.data.BinaryRowWriter;
import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.types.RowType;
import java.io.IOException;

/**
 * Serializer of {@link Row}s of one {@link RowType}: writes any row implementation, its kind
 * included, in the {@link BinaryRow} form (byte length, then bytes) and reads {@link BinaryRow}s.
 *
 * <p>Keeps a scratch writer: one instance per thread ({@link #duplicate()}).
 */
public final class RowSerializer implements TypeSerializer<Row> {
  private static final long serialVersionUID = 1L;

  private final RowType rowType;
  private final transient int arity;
  private final transient BinaryRowWriter writer;
  private final transient FieldCopier[] copiers;
  private final transient TypeSerializer<Object>[] fieldSerializers;

  @SuppressWarnings({"unchecked", "rawtypes"})
  public RowSerializer(RowType rowType) {
    this.rowType = requireNonNull(rowType, "rowType");
    this.arity = rowType.fieldCount();
    this.writer = new BinaryRowWriter(arity);
    this.copiers = new FieldCopier[arity];
    this.fieldSerializers = new TypeSerializer[arity];
    for (int i = 0; i < arity; i++) {
      copiers[i] = FieldCopiers.of(rowType.typeAt(i));
      fieldSerializers[i] = InternalSerializers.createUnchecked(rowType.typeAt(i));
    }
  }

  public RowType rowType() {
    return rowType;
  }

  /**
   * The binary form of {@code row}: the row itself when it is binary already, otherwise a view of
   * this serializer's scratch buffer, valid until the next call.
   */
  public BinaryRow toBinary(Row row) {
    if (row instanceof BinaryRow binary) {
      checkArity(binary);
      return binary;
    }
    checkArity(row);
    writer.reset();
    writer.writeKind(row.kind());
    for (int i = 0; i < arity; i++) {
      copiers[i].copy(row, i, writer);
    }
    return writer.complete();
  }

  private void checkArity(Row row) {
    if (row.arity() != arity) {
      throw new IllegalArgumentException(
          "Row has " + row.arity() + " fields but its type " + rowType.asSummaryString() + " has "
              + arity);
    }
  }

  @Override
  public void serialize(Row value, DataOutputView target) throws IOException {
    BinaryRow binary = toBinary(value);
    target.writeInt(binary.sizeInBytes());
    target.write(binary.bytes(), binary.offset(), binary.sizeInBytes());
  }

  @Override
  public BinaryRow deserialize(DataInputView source) throws IOException {
    byte[] bytes = new byte[source.readInt()];
    source.readFully(bytes);
    BinaryRow row = new BinaryRow(arity);
    row.pointTo(bytes, 0, bytes.length);
    return row;
  }

  /**
   * A copy sharing nothing mutable with {@code value}: a generic row stays generic (its strings,
   * byte strings and nested values copied), any other row becomes a binary row.
   */
  @Override
  public Row copy(Row value) {
    if (value instanceof GenericRow generic) {
      return copyGeneric(generic);
    }
    return toBinary(value).copy();
  }

  private GenericRow copyGeneric(GenericRow row) {
    checkArity(row);
    GenericRow copy = row.shallowCopy();
    for (int i = 0; i < arity; i++) {
      TypeSerializer<Object> serializer = fieldSerializers[i];
      if (!serializer.isImmutableType() && !row.isNullAt(i)) {
        copy.setField(i, serializer.copy(row.getField(i)));
      }
    }
    return copy;
  }

  @Override
  public RowSerializer duplicate() {
    return new RowSerializer(rowType);
  }

  private Object readResolve() {
    return duplicate();
  }
}
