package io.strom.api.typeinfo;

import static java.util.Objects.requireNonNull;

import io.strom.serde.TypeSerializer;

/**
 * A type described by its class and one serializer.
 *
 * @param typeClass the class of the values
 * @param serializer the serializer of the values
 */
public record SimpleTypeInfo<T>(Class<T> typeClass, TypeSerializer<T> serializer)
    implements TypeInfo<T> {
  public SimpleTypeInfo {
    requireNonNull(typeClass, "typeClass");
    requireNonNull(serializer, "serializer");
  }

  @Override
  public TypeSerializer<T> createSerializer() {
    return serializer.duplicate();
  }

  @Override
  public String toString() {
    return typeClass.getSimpleName();
  }
}
