package io.strom.serde;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;

/**
 * Serializes any value by writing a one-byte tag for its class first. Common types take a compact
 * form; anything else falls back to Java serialization, so it must be {@link Serializable}.
 */
public final class DynamicSerializer implements TypeSerializer<Object> {
  private static final long serialVersionUID = 1L;

  private static final byte NULL = 0;
  private static final byte BOOLEAN = 1;
  private static final byte INT = 2;
  private static final byte LONG = 3;
  private static final byte DOUBLE = 4;
  private static final byte STRING = 5;
  private static final byte BYTES = 6;
  private static final byte JAVA_SERIALIZED = 127;

  @Override
  public void serialize(Object value, DataOutputView target) throws IOException {
    if (value == null) {
      target.writeByte(NULL);
    } else if (value instanceof Long l) {
      target.writeByte(LONG);
      target.writeLong(l);
    } else if (value instanceof String s) {
      target.writeByte(STRING);
      target.writeUTF(s);
    } else if (value instanceof Integer i) {
      target.writeByte(INT);
      target.writeInt(i);
    } else if (value instanceof Double d) {
      target.writeByte(DOUBLE);
      target.writeDouble(d);
    } else if (value instanceof Boolean b) {
      target.writeByte(BOOLEAN);
      target.writeBoolean(b);
    } else if (value instanceof byte[] bytes) {
      target.writeByte(BYTES);
      target.writeVarInt(bytes.length);
      target.write(bytes);
    } else if (value instanceof Serializable) {
      target.writeByte(JAVA_SERIALIZED);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(value);
      }
      target.writeVarInt(bytes.size());
      target.write(bytes.toByteArray());
    } else {
      throw new IOException(
          "Cannot serialize a value of " + value.getClass().getName()
              + ": declare the stream's type with returns(...) or make the class Serializable");
    }
  }

  @Override
  public Object deserialize(DataInputView source) throws IOException {
    byte tag = source.readByte();
    switch (tag) {
      case NULL:
        return null;
      case BOOLEAN:
        return source.readBoolean();
      case INT:
        return source.readInt();
      case LONG:
        return source.readLong();
      case DOUBLE:
        return source.readDouble();
      case STRING:
        return source.readUTF();
      case BYTES: {
        byte[] bytes = new byte[source.readVarInt()];
        source.readFully(bytes);
        return bytes;
      }
      case JAVA_SERIALIZED: {
        byte[] bytes = new byte[source.readVarInt()];
        source.readFully(bytes);
        try (ObjectInputStream in =
            new ObjectInputStream(new ByteArrayInputStream(bytes)) {
              @Override
              protected Class<?> resolveClass(java.io.ObjectStreamClass desc)
                  throws IOException, ClassNotFoundException {
                return Class.forName(
                    desc.getName(), false, Thread.currentThread().getContextClassLoader());
              }
            }) {
          return in.readObject();
        } catch (ClassNotFoundException e) {
          throw new IOException("Class of a serialized value is not on the classpath", e);
        }
      }
      default:
        throw new IOException("Corrupt data: unknown type tag " + tag);
    }
  }

  @Override
  public Object copy(Object value) {
    return value;
  }
}
