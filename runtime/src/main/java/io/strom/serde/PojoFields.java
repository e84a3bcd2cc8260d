package io.strom.serde;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides whether a class is a POJO and finds its fields.
 *
 * <p>A POJO is a public, non-abstract class outside {@code java.*} with a public no-argument
 * constructor, whose non-static, non-transient fields (its superclasses' included) are each
 * either public and non-final, or have a public getter ({@code getX}, or {@code isX} for booleans)
 * and a public setter ({@code setX}) of the field's type.
 */
final class PojoFields {
  private PojoFields() {}

  /** Why {@code type} is not a POJO, or null when it is one. */
  static String problem(Class<?> type) {
    if (!Modifier.isPublic(type.getModifiers())) {
      return "it is not public";
    }
    if (Modifier.isAbstract(type.getModifiers()) || type.isInterface() || type.isArray()
        || type.isPrimitive() || type.isEnum() || type.isRecord()) {
      return "it is not a concrete class";
    }
    if (type.getName().startsWith("java.") || type.getName().startsWith("javax.")) {
      return "it is a JDK class";
    }
    if (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())) {
      return "it is an inner class; make it static";
    }
    if (noArgConstructor(type) == null) {
      return "it has no public no-argument constructor";
    }
    Set<String> names = new HashSet<>();
    for (Field field : instanceFields(type)) {
      if (!names.add(field.getName())) {
        return "field '" + field.getName() + "' is declared twice in its hierarchy";
      }
      if (!isPublicMutable(field) && (getter(field) == null || setter(field) == null)) {
        return "field '" + field.getName() + "' is neither public and non-final nor has a "
            + "public getter and setter";
      }
    }
    return null;
  }

  /** The fields of a POJO in name order, with handles to read and write them. */
  static List<ReflectiveField> analyze(Class<?> type) {
    String problem = problem(type);
    if (problem != null) {
      throw new IllegalArgumentException(type.getName() + " is not a POJO: " + problem);
    }
    List<Field> declared = instanceFields(type);
    declared.sort(Comparator.comparing(Field::getName));
    List<ReflectiveField> fields = new ArrayList<>(declared.size());
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      for (Field field : declared) {
        MethodHandle get;
        MethodHandle set;
        if (isPublicMutable(field)) {
          field.setAccessible(true);
          get = lookup.unreflectGetter(field);
          set = lookup.unreflectSetter(field);
        } else {
          Method getter = getter(field);
          Method setter = setter(field);
          getter.setAccessible(true);
          setter.setAccessible(true);
          get = lookup.unreflect(getter);
          set = lookup.unreflect(setter);
        }
        fields.add(new ReflectiveField(field.getName(), field.getType(), get, set));
      }
    } catch (IllegalAccessException | RuntimeException e) {
      throw new IllegalArgumentException("Cannot access the fields of " + type.getName(), e);
    }
    return fields;
  }

  @SuppressWarnings("unchecked")
  static <T> Constructor<T> noArgConstructor(Class<T> type) {
    for (Constructor<?> constructor : type.getConstructors()) {
      if (constructor.getParameterCount() == 0) {
        constructor.setAccessible(true);
        return (Constructor<T>) constructor;
      }
    }
    return null;
  }

  private static List<Field> instanceFields(Class<?> type) {
    List<Field> fields = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        int modifiers = field.getModifiers();
        if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers)
            && !field.isSynthetic()) {
          fields.add(field);
        }
      }
    }
    return fields;
  }

  private static boolean isPublicMutable(Field field) {
    int modifiers = field.getModifiers();
    return Modifier.isPublic(modifiers) && !Modifier.isFinal(modifiers);
  }

  private static Method getter(Field field) {
    String suffix = capitalize(field.getName());
    Method get = publicMethod(field.getDeclaringClass(), "get" + suffix);
    if (get == null && (field.getType() == boolean.class || field.getType() == Boolean.class)) {
      get = publicMethod(field.getDeclaringClass(), "is" + suffix);
    }
    return get != null && get.getReturnType() == field.getType() ? get : null;
  }

  private static Method setter(Field field) {
    return publicMethod(
        field.getDeclaringClass(), "set" + capitalize(field.getName()), field.getType());
  }

  private static Method publicMethod(Class<?> owner, String name, Class<?>... parameters) {
    try {
      Method method = owner.getMethod(name, parameters);
      return Modifier.isStatic(method.getModifiers()) ? null : method;
    } catch (NoSuchMethodException e) {
      return null; // absence is an answer here, not an error
    }
  }

  private static String capitalize(String name) {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
