package io.strom.table.api.bridge;

import io.strom.data.ExternalRows;
import io.strom.data.Row;
import io.strom.planner.ValidationException;
import io.strom.types.RowType;
import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;

/**
 * Turns a table's rows into elements of a Java class, by column name: {@link io.strom.types.Row}
 * keeps every column; a record takes its components; a POJO its public fields or setters; a
 * single-column table may become the value itself.
 */
final class ElementWriter<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  private final RowType columns;
  private final Class<T> type;

  ElementWriter(RowType columns, Class<T> type) {
    this.columns = columns;
    this.type = type;
    check();
  }

  /** Fails at translation, not at run time, when the class cannot hold the columns. */
  private void check() {
    if (type == io.strom.types.Row.class) {
      return;
    }
    if (ExternalRows.defaultType(type) != null) {
      if (columns.fieldCount() != 1) {
        throw new ValidationException(
            "A table of " + columns.fieldCount() + " columns cannot become a stream of "
                + type.getName() + "; select one column or use a class with fields");
      }
      return;
    }
    for (String name : columns.fieldNames()) {
      if (!hasProperty(name)) {
        throw new ValidationException(
            "Class " + type.getName() + " has no field, setter or record component '" + name
                + "' for the table's column of that name");
      }
    }
  }

  private boolean hasProperty(String name) {
    if (type.isRecord()) {
      for (RecordComponent c : type.getRecordComponents()) {
        if (c.getName().equals(name)) {
          return true;
        }
      }
      return false;
    }
    try {
      type.getField(name);
      return true;
    } catch (NoSuchFieldException e) {
      return setter(name) != null;
    }
  }

  private Method setter(String name) {
    String setterName = "set" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    for (Method m : type.getMethods()) {
      if (m.getName().equals(setterName) && m.getParameterCount() == 1) {
        return m;
      }
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  T write(Row row) throws Exception {
    io.strom.types.Row external = ExternalRows.toExternal(row, columns);
    if (type == io.strom.types.Row.class) {
      return (T) external;
    }
    if (ExternalRows.defaultType(type) != null) {
      return (T) external.getField(0);
    }
    if (type.isRecord()) {
      RecordComponent[] components = type.getRecordComponents();
      Class<?>[] parameterTypes = new Class<?>[components.length];
      Object[] arguments = new Object[components.length];
      for (int i = 0; i < components.length; i++) {
        parameterTypes[i] = components[i].getType();
        arguments[i] = external.getField(components[i].getName());
      }
      Constructor<T> constructor = type.getDeclaredConstructor(parameterTypes);
      constructor.setAccessible(true);
      return constructor.newInstance(arguments);
    }
    T element = type.getDeclaredConstructor().newInstance();
    for (String name : columns.fieldNames()) {
      Object value = external.getField(name);
      try {
        Field field = type.getField(name);
        field.set(element, value);
      } catch (NoSuchFieldException e) {
        setter(name).invoke(element, value);
      }
    }
    return element;
  }
}
