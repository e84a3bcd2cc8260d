package io.strom.serde;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;

/**
 * One field of a record or POJO as the reflective serializers see it: cached handles to read (and
 * for POJOs write) it, and the serializer of its declared class, resolved on first use so that
 * self-referencing classes do not recurse forever.
 */
final class ReflectiveField {
  private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);
  private static final MethodType SETTER =
      MethodType.methodType(void.class, Object.class, Object.class);

  final String name;
  final Class<?> type;
  private final MethodHandle getter;
  private final MethodHandle setter;
  private volatile TypeSerializer<Object> serializer;

  /** The handles may have any owner and field type; they are adapted to Object here. */
  ReflectiveField(String name, Class<?> type, MethodHandle getter, MethodHandle setter) {
    this.name = name;
    this.type = type;
    this.getter = getter.asType(GETTER);
    this.setter = setter == null ? null : setter.asType(SETTER);
  }

  Object get(Object owner) throws IOException {
    try {
      return (Object) getter.invokeExact(owner);
    } catch (Throwable t) {
      throw failure("read", t);
    }
  }

  void set(Object owner, Object value) throws IOException {
    try {
      setter.invokeExact(owner, value);
    } catch (Throwable t) {
      throw failure("set", t);
    }
  }

  private IOException failure(String action, Throwable t) {
    if (t instanceof Error e) {
      throw e;
    }
    return new IOException("Could not " + action + " field '" + name + "'", t);
  }

  TypeSerializer<Object> serializer() {
    TypeSerializer<Object> s = serializer;
    if (s == null) {
      s = JavaSerializers.forDeclaredType(type);
      serializer = s;
    }
    return s;
  }

  /** Writes a value of this field; non-primitive values are preceded by a presence byte. */
  void write(Object value, DataOutputView target) throws IOException {
    if (!type.isPrimitive()) {
      if (value == null) {
        target.writeBoolean(false);
        return;
      }
      target.writeBoolean(true);
    }
    serializer().serialize(value, target);
  }

  Object read(DataInputView source) throws IOException {
    if (!type.isPrimitive() && !source.readBoolean()) {
      return null;
    }
    return serializer().deserialize(source);
  }

  Object copy(Object value) {
    return value == null ? null : serializer().copy(value);
  }
}
