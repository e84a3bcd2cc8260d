package io.strom.serde;

import io.strom.data.BinaryRow;
import io.strom.data.FieldTag;
import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.data.RowKind;
import java.io.IOException;

/**
 * Serializer of rows whose schema is not declared, as when a DataStream carries {@link Row}s
 * without {@code Types.row(...)}. A {@link GenericRow} is written field by field with its tags, a
 * {@link BinaryRow} as its arity and bytes; each comes back in the same form. Other row classes
 * need a declared {@link io.strom.types.RowType} ({@link RowSerializer}). Stateless.
 */
public final class SelfDescribingRowSerializer implements TypeSerializer<Row> {
  private static final long serialVersionUID = 1L;

  public static final SelfDescribingRowSerializer INSTANCE = new SelfDescribingRowSerializer();

  private static final byte GENERIC = 0;
  private static final byte BINARY = 1;
  private static final FieldTag[] TAGS = FieldTag.values();

  private final DynamicSerializer references = new DynamicSerializer();

  private SelfDescribingRowSerializer() {}

  @Override
  public void serialize(Row value, DataOutputView target) throws IOException {
    if (value instanceof BinaryRow binary) {
      target.writeByte(BINARY);
      target.writeVarInt(binary.arity());
      target.writeInt(binary.sizeInBytes());
      target.write(binary.bytes(), binary.offset(), binary.sizeInBytes());
    } else if (value instanceof GenericRow generic) {
      target.writeByte(GENERIC);
      target.writeByte(generic.kind().toByteValue());
      target.writeVarInt(generic.arity());
      for (int i = 0; i < generic.arity(); i++) {
        writeField(generic, i, target);
      }
    } else {
      throw new IOException(
          "A " + value.getClass().getName() + " has no schema of its own; declare the stream's "
              + "type with Types.row(rowType)");
    }
  }

  private void writeField(GenericRow row, int pos, DataOutputView target) throws IOException {
    FieldTag tag = row.tagAt(pos);
    target.writeByte(tag.ordinal());
    switch (tag) {
      case NULL -> { } // the tag is the whole value
      case BOOLEAN -> target.writeBoolean(row.getBoolean(pos));
      case BYTE -> target.writeByte(row.getByte(pos));
      case SHORT -> target.writeShort(row.getShort(pos));
      case INT, DATE, TIME -> target.writeInt(row.getInt(pos));
      case LONG -> target.writeLong(row.getLong(pos));
      case FLOAT -> target.writeFloat(row.getFloat(pos));
      case DOUBLE -> target.writeDouble(row.getDouble(pos));
      case REFERENCE -> references.serialize(row.getField(pos), target);
    }
  }

  @Override
  public Row deserialize(DataInputView source) throws IOException {
    byte form = source.readByte();
    if (form == BINARY) {
      BinaryRow row = new BinaryRow(source.readVarInt());
      byte[] bytes = new byte[source.readInt()];
      source.readFully(bytes);
      row.pointTo(bytes, 0, bytes.length);
      return row;
    }
    if (form != GENERIC) {
      throw new IOException("Corrupt data: unknown row form " + form);
    }
    RowKind kind = RowKind.fromByteValue(source.readByte());
    GenericRow row = new GenericRow(kind, source.readVarInt());
    for (int i = 0; i < row.arity(); i++) {
      readField(row, i, source);
    }
    return row;
  }

  private void readField(GenericRow row, int pos, DataInputView source) throws IOException {
    int tag = source.readUnsignedByte();
    if (tag >= TAGS.length) {
      throw new IOException("Corrupt data: unknown field tag " + tag);
    }
    switch (TAGS[tag]) {
      case NULL -> row.setNullAt(pos);
      case BOOLEAN -> row.setBoolean(pos, source.readBoolean());
      case BYTE -> row.setByte(pos, source.readByte());
      case SHORT -> row.setShort(pos, source.readShort());
      case INT -> row.setInt(pos, source.readInt());
      case DATE -> row.setDate(pos, source.readInt());
      case TIME -> row.setTime(pos, source.readInt());
      case LONG -> row.setLong(pos, source.readLong());
      case FLOAT -> row.setFloat(pos, source.readFloat());
      case DOUBLE -> row.setDouble(pos, source.readDouble());
      case REFERENCE -> row.setField(pos, references.deserialize(source));
    }
  }

  /** Copies through the serialized form, which detaches every nested value. */
  @Override
  public Row copy(Row value) {
    if (value instanceof BinaryRow binary) {
      return binary.copy();
    }
    try {
      DataOutputSerializer out = new DataOutputSerializer(64);
      serialize(value, out);
      return deserialize(new DataInputDeserializer(out.toByteArray()));
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot copy " + value + ": " + e.getMessage(), e);
    }
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
