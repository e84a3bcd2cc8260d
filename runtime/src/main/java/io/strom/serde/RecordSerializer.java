package io.strom.serde;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * Serializer of a Java record: its components in declaration order, each with the serializer of
 * its declared class, rebuilt through the canonical constructor. Components may be null.
 * Stateless and thread-safe.
 */
public final class RecordSerializer<T> implements TypeSerializer<T> {
  private static final long serialVersionUID = 1L;

  private final Class<T> recordClass;
  private final transient List<ReflectiveField> components;
  private final transient MethodHandle constructor;

  public RecordSerializer(Class<T> recordClass) {
    this.recordClass = requireNonNull(recordClass, "recordClass");
    if (!recordClass.isRecord()) {
      throw new IllegalArgumentException(recordClass.getName() + " is not a record");
    }
    try {
      RecordComponent[] declared = recordClass.getRecordComponents();
      Class<?>[] types = new Class<?>[declared.length];
      components = new ArrayList<>(declared.length);
      for (int i = 0; i < declared.length; i++) {
        Method accessor = declared[i].getAccessor();
        accessor.setAccessible(true);
        types[i] = declared[i].getType();
        components.add(
            new ReflectiveField(
                declared[i].getName(), types[i], MethodHandles.lookup().unreflect(accessor), null));
      }
      Constructor<T> canonical = recordClass.getDeclaredConstructor(types);
      canonical.setAccessible(true);
      constructor =
          MethodHandles.lookup()
              .unreflectConstructor(canonical)
              .asSpreader(Object[].class, declared.length)
              .asType(MethodType.methodType(Object.class, Object[].class));
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalArgumentException(
          "Cannot access record " + recordClass.getName() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void serialize(T value, DataOutputView target) throws IOException {
    for (ReflectiveField component : components) {
      component.write(component.get(value), target);
    }
  }

  @Override
  public T deserialize(DataInputView source) throws IOException {
    Object[] args = new Object[components.size()];
    for (int i = 0; i < args.length; i++) {
      args[i] = components.get(i).read(source);
    }
    return construct(args);
  }

  private T construct(Object[] args) throws IOException {
    try {
      return recordClass.cast((Object) constructor.invokeExact(args));
    } catch (Throwable t) {
      if (t instanceof Error e) {
        throw e;
      }
      throw new IOException("The constructor of record " + recordClass.getName() + " failed", t);
    }
  }

  /** Records are shallowly immutable, so only mutable components are copied. */
  @Override
  public T copy(T value) {
    if (isImmutableType()) {
      return value;
    }
    try {
      Object[] args = new Object[components.size()];
      for (int i = 0; i < args.length; i++) {
        ReflectiveField component = components.get(i);
        args[i] = component.copy(component.get(value));
      }
      return construct(args);
    } catch (IOException e) {
      throw new IllegalStateException("Could not copy a " + recordClass.getName(), e);
    }
  }

  @Override
  public boolean isImmutableType() {
    for (ReflectiveField component : components) {
      if (!component.serializer().isImmutableType()) {
        return false;
      }
    }
    return true;
  }

  private Object readResolve() {
    return new RecordSerializer<>(recordClass);
  }
}
