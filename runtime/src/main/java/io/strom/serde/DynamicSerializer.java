package io.strom.serde;

import io.strom.api.tuple.Tuple;
import io.strom.api.tuple.Tuple2;
import io.strom.api.tuple.Tuple3;
import io.strom.data.BinaryArray;
import io.strom.data.BinaryMap;
import io.strom.data.DecimalData;
import io.strom.data.GenericArray;
import io.strom.data.GenericMap;
import io.strom.data.Row;
import io.strom.data.StringData;
import io.strom.data.TimestampData;
import java.io.IOException;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serializes any value by writing a one-byte tag for its kind first, for streams whose type is not
 * declared.
 *
 * <p>Boxed primitives, strings and byte arrays take a compact form; the runtime's data classes
 * (rows, strings, decimals, timestamps, arrays, maps) theirs; tuples carry their fields; enums,
 * records and POJOs carry their class name and the payload of their reflective serializer. Only
 * what is none of these falls back to Java serialization, so it must be {@link Serializable}.
 * Stateless and thread-safe.
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
  private static final byte BYTE = 7;
  private static final byte SHORT = 8;
  private static final byte FLOAT = 9;
  private static final byte CHAR = 10;
  private static final byte STRING_DATA = 11;
  private static final byte DECIMAL_DATA = 12;
  private static final byte TIMESTAMP_DATA = 13;
  private static final byte ROW = 14;
  private static final byte GENERIC_ARRAY = 15;
  private static final byte GENERIC_MAP = 16;
  private static final byte BINARY_ARRAY = 17;
  private static final byte BINARY_MAP = 18;
  private static final byte TUPLE = 19;
  /** An enum, record or POJO: class name, then its reflective serializer's payload. */
  private static final byte REFLECTIVE = 20;
  private static final byte JAVA_SERIALIZED = 127;

  /** Classes by name, so each name is resolved once per serializer. */
  private transient volatile Map<String, Class<?>> classesByName;

  @Override
  public void serialize(Object value, DataOutputView target) throws IOException {
    if (!writeBasic(value, target) && !writeInternal(value, target)) {
      writeObject(value, target);
    }
  }

  private boolean writeBasic(Object value, DataOutputView target) throws IOException {
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
      BasicSerializers.BYTES.serialize(bytes, target);
    } else if (value instanceof Float f) {
      target.writeByte(FLOAT);
      target.writeFloat(f);
    } else if (value instanceof Short s) {
      target.writeByte(SHORT);
      target.writeShort(s);
    } else if (value instanceof Byte b) {
      target.writeByte(BYTE);
      target.writeByte(b);
    } else if (value instanceof Character c) {
      target.writeByte(CHAR);
      target.writeChar(c);
    } else {
      return false;
    }
    return true;
  }

  private boolean writeInternal(Object value, DataOutputView target) throws IOException {
    if (value instanceof Row row) {
      target.writeByte(ROW);
      SelfDescribingRowSerializer.INSTANCE.serialize(row, target);
    } else if (value instanceof StringData s) {
      target.writeByte(STRING_DATA);
      StringDataSerializer.INSTANCE.serialize(s, target);
    } else if (value instanceof DecimalData d) {
      target.writeByte(DECIMAL_DATA);
      target.writeByte(d.precision());
      target.writeByte(d.scale());
      BasicSerializers.BYTES.serialize(d.toUnscaledBytes(), target);
    } else if (value instanceof TimestampData t) {
      target.writeByte(TIMESTAMP_DATA);
      target.writeLong(t.millisecond());
      target.writeInt(t.nanoOfMillisecond());
    } else if (value instanceof GenericArray array) {
      target.writeByte(GENERIC_ARRAY);
      target.writeVarInt(array.size());
      for (int i = 0; i < array.size(); i++) {
        serialize(array.getElement(i), target);
      }
    } else if (value instanceof GenericMap map) {
      target.writeByte(GENERIC_MAP);
      target.writeVarInt(map.size());
      for (Map.Entry<?, ?> entry : map.javaMap().entrySet()) {
        serialize(entry.getKey(), target);
        serialize(entry.getValue(), target);
      }
    } else if (value instanceof BinaryArray array) {
      target.writeByte(BINARY_ARRAY);
      BasicSerializers.BYTES.serialize(array.toBytes(), target);
    } else if (value instanceof BinaryMap map) {
      target.writeByte(BINARY_MAP);
      BasicSerializers.BYTES.serialize(map.toBytes(), target);
    } else {
      return false;
    }
    return true;
  }

  private void writeObject(Object value, DataOutputView target) throws IOException {
    if (value instanceof Tuple tuple) {
      target.writeByte(TUPLE);
      target.writeByte(tuple.arity());
      for (int i = 0; i < tuple.arity(); i++) {
        serialize(tuple.getField(i), target);
      }
      return;
    }
    Class<?> type = value instanceof Enum<?> e ? e.getDeclaringClass() : value.getClass();
    TypeSerializer<Object> reflective = reflective(type);
    if (reflective != null) {
      target.writeByte(REFLECTIVE);
      target.writeUTF(type.getName());
      reflective.serialize(value, target);
    } else if (value instanceof Serializable) {
      target.writeByte(JAVA_SERIALIZED);
      BasicSerializers.BYTES.serialize(JavaSerialization.toBytes(value), target);
    } else {
      throw new IOException(
          "Cannot serialize a value of " + type.getName() + ": it is neither a record, a POJO "
              + "(public no-argument constructor, public fields or getters and setters) nor "
              + "Serializable; declare the stream's type with returns(...) or change the class");
    }
  }

  @SuppressWarnings("unchecked")
  private static TypeSerializer<Object> reflective(Class<?> type) {
    return (TypeSerializer<Object>) JavaSerializers.reflective(type);
  }

  @Override
  public Object deserialize(DataInputView source) throws IOException {
    byte tag = source.readByte();
    return switch (tag) {
      case NULL -> null;
      case BOOLEAN -> source.readBoolean();
      case INT -> source.readInt();
      case LONG -> source.readLong();
      case DOUBLE -> source.readDouble();
      case STRING -> source.readUTF();
      case BYTES -> BasicSerializers.BYTES.deserialize(source);
      case BYTE -> source.readByte();
      case SHORT -> source.readShort();
      case FLOAT -> source.readFloat();
      case CHAR -> source.readChar();
      default -> readComposite(tag, source);
    };
  }

  private Object readComposite(byte tag, DataInputView source) throws IOException {
    return switch (tag) {
      case ROW -> SelfDescribingRowSerializer.INSTANCE.deserialize(source);
      case STRING_DATA -> StringDataSerializer.INSTANCE.deserialize(source);
      case DECIMAL_DATA -> {
        int precision = source.readByte();
        int scale = source.readByte();
        yield DecimalData.fromUnscaledBytes(
            BasicSerializers.BYTES.deserialize(source), precision, scale);
      }
      case TIMESTAMP_DATA -> TimestampData.fromEpochMillis(source.readLong(), source.readInt());
      case GENERIC_ARRAY -> readGenericArray(source);
      case GENERIC_MAP -> readGenericMap(source);
      case BINARY_ARRAY -> {
        byte[] bytes = BasicSerializers.BYTES.deserialize(source);
        BinaryArray array = new BinaryArray();
        array.pointTo(bytes, 0, bytes.length);
        yield array;
      }
      case BINARY_MAP -> {
        byte[] bytes = BasicSerializers.BYTES.deserialize(source);
        BinaryMap map = new BinaryMap();
        map.pointTo(bytes, 0, bytes.length);
        yield map;
      }
      default -> readObject(tag, source);
    };
  }

  private GenericArray readGenericArray(DataInputView source) throws IOException {
    Object[] elements = new Object[source.readVarInt()];
    for (int i = 0; i < elements.length; i++) {
      elements[i] = deserialize(source);
    }
    return new GenericArray(elements);
  }

  private GenericMap readGenericMap(DataInputView source) throws IOException {
    int size = source.readVarInt();
    Map<Object, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < size; i++) {
      Object key = deserialize(source);
      map.put(key, deserialize(source));
    }
    return new GenericMap(map);
  }

  private Object readObject(byte tag, DataInputView source) throws IOException {
    switch (tag) {
      case TUPLE: {
        Tuple tuple = Tuple.newInstance(source.readByte());
        for (int i = 0; i < tuple.arity(); i++) {
          tuple.setField(i, deserialize(source));
        }
        return tuple;
      }
      case REFLECTIVE: {
        Class<?> type = classNamed(source.readUTF());
        TypeSerializer<Object> reflective = reflective(type);
        if (reflective == null) {
          throw new IOException(
              type.getName() + " is no longer a record, enum or POJO, so its data cannot be read");
        }
        return reflective.deserialize(source);
      }
      case JAVA_SERIALIZED:
        return JavaSerialization.fromBytes(BasicSerializers.BYTES.deserialize(source));
      default:
        throw new IOException("Corrupt data: unknown type tag " + tag);
    }
  }

  private Class<?> classNamed(String name) throws IOException {
    Map<String, Class<?>> cache = classesByName;
    if (cache == null) {
      cache = new ConcurrentHashMap<>();
      classesByName = cache;
    }
    Class<?> type = cache.get(name);
    if (type == null) {
      type = JavaSerialization.loadClass(name);
      cache.put(name, type);
    }
    return type;
  }

  /** Copies tuples, rows, records and POJOs through their serializers; other values are shared. */
  @Override
  public Object copy(Object value) {
    if (value instanceof Tuple2<?, ?> || value instanceof Tuple3<?, ?, ?>) {
      return JavaSerializers.forClass(value.getClass()).copy(cast(value));
    }
    if (value instanceof Row row) {
      return SelfDescribingRowSerializer.INSTANCE.copy(row);
    }
    if (value instanceof byte[] bytes) {
      return bytes.clone();
    }
    TypeSerializer<Object> reflective = value == null ? null : reflective(value.getClass());
    return reflective != null ? reflective.copy(value) : value;
  }

  @SuppressWarnings("unchecked")
  private static <T> T cast(Object value) {
    return (T) value;
  }
}
