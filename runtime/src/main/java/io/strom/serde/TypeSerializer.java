package io.strom.serde;

import java.io.IOException;
import java.io.Serializable;

/**
 * Writes and reads values of one type in Strom's compact binary form, and copies them.
 *
 * <p>Serializers travel with the job description, so they are {@link Serializable}. A serializer
 * instance may keep reusable scratch space: use one instance per thread ({@link #duplicate()}).
 */
public interface TypeSerializer<T> extends Serializable {

  void serialize(T value, DataOutputView target) throws IOException;

  T deserialize(DataInputView source) throws IOException;

  /** Returns a copy that does not share mutable parts with {@code value}. */
  T copy(T value);

  /** True when values never change after creation, so {@link #copy} may return its argument. */
  default boolean isImmutableType() {
    return false;
  }

  /** Returns an instance safe to use from another thread; stateless serializers return this. */
  default TypeSerializer<T> duplicate() {
    return this;
  }
}
