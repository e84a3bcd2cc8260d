package io.strom.serde;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Round trips through a serializer for tests. */
public final class SerdeTestUtil {
  private SerdeTestUtil() {}

  public static <T> T roundTrip(TypeSerializer<T> serializer, T value) {
    return read(serializer, write(serializer, value));
  }

  public static <T> byte[] write(TypeSerializer<T> serializer, T value) {
    try {
      DataOutputSerializer out = new DataOutputSerializer(64);
      serializer.serialize(value, out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static <T> T read(TypeSerializer<T> serializer, byte[] bytes) {
    try {
      DataInputDeserializer in = new DataInputDeserializer(bytes);
      T value = serializer.deserialize(in);
      if (in.available() != 0) {
        throw new AssertionError(in.available() + " bytes were left unread");
      }
      return value;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
