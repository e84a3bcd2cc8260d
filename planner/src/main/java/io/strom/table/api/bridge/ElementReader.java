package io.strom.table.api.bridge;

import io.strom.data.ExternalRows;
import io.strom.data.GenericRow;
import io.strom.types.RowType;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * Reads a stream's elements into rows of the table's physical columns, by column name: a {@link
 * io.strom.types.Row} by its field names (or positions when it has none), a record by its
 * components, a POJO by public fields or getters, a single value as it is.
 */
final class ElementReader implements Serializable {
  private static final long serialVersionUID = 1L;

  private final RowType columns;
  /** Per column: how to read it from elements of the class seen first; found on first use. */
  private transient Accessor[] accessors;
  private transient Class<?> accessorsFor;

  ElementReader(RowType columns) {
    this.columns = columns;
  }

  /** The element's columns, followed by {@code extraFields} unset fields. */
  GenericRow read(Object element, int extraFields) throws Exception {
    GenericRow row = new GenericRow(columns.fieldCount() + extraFields);
    if (element instanceof io.strom.types.Row external) {
      row.setKind(external.getKind());
      for (int i = 0; i < columns.fieldCount(); i++) {
        Object value = external.getFieldNames() == null
            ? external.getField(i)
            : external.getField(columns.fieldNames().get(i));
        set(row, i, value);
      }
      return row;
    }
    if (accessorsFor != element.getClass()) {
      accessors = accessorsOf(element.getClass());
      accessorsFor = element.getClass();
    }
    for (int i = 0; i < accessors.length; i++) {
      set(row, i, accessors[i].read(element));
    }
    return row;
  }

  private void set(GenericRow row, int i, Object value) {
    ExternalRows.setInternal(row, i, value, columns.typeAt(i), columns.fieldNames().get(i));
  }

  private interface Accessor {
    Object read(Object element) throws Exception;
  }

  private Accessor[] accessorsOf(Class<?> type) {
    Accessor[] result = new Accessor[columns.fieldCount()];
    if (ExternalRows.defaultType(type) != null && result.length == 1) {
      result[0] = element -> element;
      return result;
    }
    for (int i = 0; i < result.length; i++) {
      result[i] = accessor(type, columns.fieldNames().get(i));
    }
    return result;
  }

  private static Accessor accessor(Class<?> type, String name) {
    if (type.isRecord()) {
      for (var component : type.getRecordComponents()) {
        if (component.getName().equals(name)) {
          Method method = component.getAccessor();
          method.setAccessible(true);
          return method::invoke;
        }
      }
    }
    try {
      Field field = type.getField(name);
      return field::get;
    } catch (NoSuchFieldException e) {
      // A bean property, then.
    }
    for (Method method : type.getMethods()) {
      if (name.equals(JavaFields.propertyName(method))) {
        return method::invoke;
      }
    }
    throw new IllegalArgumentException(
        "Elements of " + type.getName() + " have no field, getter or component '" + name
            + "' for the column of that name");
  }
}
