package io.strom.runtime.generated;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;

/**
 * Generated Java source of one class plus the objects its instances need, as it travels from the
 * planner to the runtime; compiled with Janino when an operator opens.
 *
 * <p>Every generated class has one public constructor taking a single {@code Object[]}: the
 * {@linkplain #references() references} captured at generation time (UDF instances, types),
 * followed by the {@code constructorArgs} given to {@link #newInstance}.
 *
 * @param <T> the interface the generated class implements
 */
public final class GeneratedClass<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String className;
  private final String code;
  private final Object[] references;

  /**
   * A generated class.
   *
   * @param className the simple name of the class declared in {@code code} (no package)
   * @param code the complete compilation unit
   * @param references serializable objects handed to every instance's constructor
   */
  public GeneratedClass(String className, String code, Object[] references) {
    this.className = requireNonNull(className, "className");
    this.code = requireNonNull(code, "code");
    this.references = requireNonNull(references, "references").clone();
  }

  public String className() {
    return className;
  }

  public String code() {
    return code;
  }

  public Object[] references() {
    return references.clone();
  }

  /** Compiles the class (or takes it from the process-wide cache) with {@code classLoader} as parent. */
  public Class<T> compile(ClassLoader classLoader) {
    return ClassCompiler.compile(classLoader, className, code);
  }

  /**
   * Compiles the class and creates an instance, passing the references followed by {@code
   * constructorArgs} as the constructor's single {@code Object[]} argument.
   */
  public T newInstance(ClassLoader classLoader, Object... constructorArgs) {
    Class<T> clazz = compile(classLoader);
    Object[] copies = copyReferences(classLoader);
    Object[] args = Arrays.copyOf(copies, copies.length + constructorArgs.length);
    System.arraycopy(constructorArgs, 0, args, references.length, constructorArgs.length);
    try {
      Constructor<T> constructor = clazz.getConstructor(Object[].class);
      return constructor.newInstance((Object) args);
    } catch (InvocationTargetException e) {
      throw new CodeGenerationException(
          "Generated class " + className + " failed in its constructor. This is a bug.",
          e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new CodeGenerationException(
          "Could not instantiate generated class " + className + ". This is a bug.", e);
    }
  }

  /**
   * Copies of the references made by serialization, so parallel instances in one JVM never share a
   * UDF instance; references that are not serializable are shared.
   */
  private Object[] copyReferences(ClassLoader classLoader) {
    if (references.length == 0) {
      return references;
    }
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(references);
      }
      try (ObjectInputStream in = new LoaderObjectInputStream(
          new ByteArrayInputStream(bytes.toByteArray()), classLoader)) {
        return (Object[]) in.readObject();
      }
    } catch (IOException | ClassNotFoundException e) {
      throw new CodeGenerationException(
          "Could not copy the objects generated class " + className + " refers to", e);
    }
  }

  /** Resolves classes through a given class loader, e.g. the user code class loader. */
  private static final class LoaderObjectInputStream extends ObjectInputStream {
    private final ClassLoader loader;

    LoaderObjectInputStream(InputStream in, ClassLoader loader) throws IOException {
      super(in);
      this.loader = loader;
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc)
        throws IOException, ClassNotFoundException {
      try {
        return Class.forName(desc.getName(), false, loader);
      } catch (ClassNotFoundException e) {
        return super.resolveClass(desc);
      }
    }
  }

  @Override
  public String toString() {
    return "GeneratedClass[" + className + "]";
  }
}
