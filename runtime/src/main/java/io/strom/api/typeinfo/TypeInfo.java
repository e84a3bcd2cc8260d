package io.strom.api.typeinfo;

import io.strom.serde.TypeSerializer;
import java.io.Serializable;

/**
 * What the engine knows about the type of a stream's elements: enough to serialize them when they
 * cross an exchange or go into state.
 *
 * <p>Streams whose type is not declared use {@link #generic()}, which inspects each value; declare
 * the type with {@code returns(...)} for the fastest exchanges.
 */
public interface TypeInfo<T> extends Serializable {

  /** The class of the values, or {@code Object.class} when unknown. */
  Class<T> typeClass();

  TypeSerializer<T> createSerializer();

  /** The type used when nothing better is known. */
  static <T> TypeInfo<T> generic() {
    return Types.generic();
  }
}
