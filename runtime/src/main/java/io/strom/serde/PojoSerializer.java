package io.strom.serde;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;

/**
 * Serializer of a POJO: a public class with a public no-argument constructor whose fields are
 * public and non-final, or reachable through public getter and setter pairs (see {@link
 * PojoFields}). Fields are written in name order, each with the serializer of its declared class,
 * and may be null. Stateless and thread-safe.
 */
public final class PojoSerializer<T> implements TypeSerializer<T> {
  private static final long serialVersionUID = 1L;

  private final Class<T> pojoClass;
  private final transient List<ReflectiveField> fields;
  private final transient MethodHandle constructor;

  /** @throws IllegalArgumentException when the class is not a POJO, saying why */
  public PojoSerializer(Class<T> pojoClass) {
    this.pojoClass = requireNonNull(pojoClass, "pojoClass");
    this.fields = PojoFields.analyze(pojoClass);
    try {
      constructor =
          MethodHandles.lookup()
              .unreflectConstructor(PojoFields.noArgConstructor(pojoClass))
              .asType(MethodType.methodType(Object.class));
    } catch (IllegalAccessException e) {
      throw new IllegalArgumentException(
          "Cannot access the constructor of " + pojoClass.getName(), e);
    }
  }

  @Override
  public void serialize(T value, DataOutputView target) throws IOException {
    for (ReflectiveField field : fields) {
      field.write(field.get(value), target);
    }
  }

  @Override
  public T deserialize(DataInputView source) throws IOException {
    T instance = newInstance();
    for (ReflectiveField field : fields) {
      field.set(instance, field.read(source));
    }
    return instance;
  }

  private T newInstance() throws IOException {
    try {
      return pojoClass.cast((Object) constructor.invokeExact());
    } catch (Throwable t) {
      if (t instanceof Error e) {
        throw e;
      }
      throw new IOException("The constructor of " + pojoClass.getName() + " failed", t);
    }
  }

  @Override
  public T copy(T value) {
    try {
      T copy = newInstance();
      for (ReflectiveField field : fields) {
        field.set(copy, field.copy(field.get(value)));
      }
      return copy;
    } catch (IOException e) {
      throw new IllegalStateException("Could not copy a " + pojoClass.getName(), e);
    }
  }

  private Object readResolve() {
    return new PojoSerializer<>(pojoClass);
  }
}
