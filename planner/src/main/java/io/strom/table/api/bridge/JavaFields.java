package io.strom.table.api.bridge;

import io.strom.data.ExternalRows;
import io.strom.planner.ValidationException;
import io.strom.types.LogicalType;
import io.strom.types.RowType;
import io.strom.types.RowType.RowField;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The columns Java classes give, as in Flink: a record's components in order; a POJO's public
 * fields and bean properties sorted by name; a single value of a known type as column {@code f0}.
 */
final class JavaFields {
  private JavaFields() {}

  static RowType columnsOf(Class<?> type) {
    LogicalType atomic = ExternalRows.defaultType(type);
    if (atomic != null) {
      return RowType.of(List.of("f0"), List.of(atomic));
    }
    if (type == Object.class || type == io.strom.types.Row.class) {
      throw new ValidationException(
          "The columns of a stream of " + (type == Object.class ? "elements of unknown type"
              : "Rows") + " are not known: declare them in a Schema (fromDataStream(stream,"
              + " schema)) or give the stream its element class, e.g. returns(Types.of(Order.class))");
    }
    List<RowField> fields = new ArrayList<>();
    if (type.isRecord()) {
      for (RecordComponent component : type.getRecordComponents()) {
        fields.add(new RowField(component.getName(), typeOf(type, component.getName(), component.getType())));
      }
    } else {
      for (Field field : type.getFields()) {
        if (!Modifier.isStatic(field.getModifiers())) {
          fields.add(new RowField(field.getName(), typeOf(type, field.getName(), field.getType())));
        }
      }
      for (Method getter : type.getMethods()) {
        String name = propertyName(getter);
        if (name != null && fields.stream().noneMatch(f -> f.name().equals(name))) {
          fields.add(new RowField(name, typeOf(type, name, getter.getReturnType())));
        }
      }
      fields.sort(Comparator.comparing(RowField::name));
    }
    if (fields.isEmpty()) {
      throw new ValidationException(
          "Class " + type.getName() + " has no public fields, getters or record components to"
              + " make columns of; declare the columns in a Schema");
    }
    return new RowType(fields);
  }

  /** The property a public getter reads ({@code getName} → {@code name}), or null. */
  static String propertyName(Method method) {
    if (Modifier.isStatic(method.getModifiers()) || method.getParameterCount() != 0
        || method.getDeclaringClass() == Object.class) {
      return null;
    }
    String name = method.getName();
    if (name.startsWith("get") && name.length() > 3) {
      return Character.toLowerCase(name.charAt(3)) + name.substring(4);
    }
    if (name.startsWith("is") && name.length() > 2
        && (method.getReturnType() == boolean.class || method.getReturnType() == Boolean.class)) {
      return Character.toLowerCase(name.charAt(2)) + name.substring(3);
    }
    return null;
  }

  private static LogicalType typeOf(Class<?> owner, String field, Class<?> javaType) {
    LogicalType type = ExternalRows.defaultType(javaType);
    if (type == null) {
      throw new ValidationException(
          "Field '" + field + "' of " + owner.getName() + " is a " + javaType.getName()
              + ", which has no SQL type; declare the columns in a Schema");
    }
    return type;
  }
}
