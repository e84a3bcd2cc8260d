package io.strom.serde;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;

/** Java serialization, the last resort of {@link DynamicSerializer}, and class loading by name. */
final class JavaSerialization {
  private JavaSerialization() {}

  static byte[] toBytes(Object value) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    return bytes.toByteArray();
  }

  static Object fromBytes(byte[] bytes) throws IOException {
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes)) {
          @Override
          protected Class<?> resolveClass(ObjectStreamClass desc)
              throws IOException, ClassNotFoundException {
            try {
              return Class.forName(desc.getName(), false, classLoader());
            } catch (ClassNotFoundException e) {
              // primitive types and the JDK's own classes resolve the default way
              return super.resolveClass(desc);
            }
          }
        }) {
      return in.readObject();
    } catch (ClassNotFoundException e) {
      throw new IOException("Class of a serialized value is not on the classpath", e);
    }
  }

  private static ClassLoader classLoader() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return loader != null ? loader : JavaSerialization.class.getClassLoader();
  }

  /** Loads a class through the thread's context class loader, where user classes live. */
  static Class<?> loadClass(String name) throws IOException {
    try {
      return Class.forName(name, false, classLoader());
    } catch (ClassNotFoundException e) {
      throw new IOException("Class " + name + " of a serialized value is not on the classpath", e);
    }
  }
}
