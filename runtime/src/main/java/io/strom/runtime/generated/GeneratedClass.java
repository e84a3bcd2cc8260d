package io.strom.runtime.generated;

import static java.util.Objects.requireNonNull;

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
    Object[] args = Arrays.copyOf(references, references.length + constructorArgs.length);
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

  @Override
  public String toString() {
    return "GeneratedClass[" + className + "]";
  }
}
