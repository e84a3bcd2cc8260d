package io.strom.types;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The SQL type {@code ROW<`a` t1, `b` t2>}: a sequence of named, typed fields; also the type of a
 * table's rows.
 *
 * @param nullable whether NULL is allowed
 * @param fields the fields in order; names are unique
 */
public record RowType(boolean nullable, List<RowField> fields) implements LogicalType {

  /**
   * One field of a {@link RowType}.
   *
   * @param name the field's name, not empty
   * @param type the field's type
   * @param description a comment for people, or null
   */
  public record RowField(String name, LogicalType type, String description)
      implements java.io.Serializable {
    public RowField {
      requireNonNull(name, "name");
      requireNonNull(type, "type");
      if (name.isEmpty()) {
        throw new IllegalArgumentException("A row field's name must not be empty");
      }
    }

    public RowField(String name, LogicalType type) {
      this(name, type, null);
    }

    /** The field as Flink prints it inside {@code ROW<...>}: {@code `name` TYPE 'description'}. */
    public String asSummaryString() {
      String printed = TypeStrings.quote(name) + " " + type.asSummaryString();
      return description == null
          ? printed
          : printed + " '" + description.replace("'", "''") + "'";
    }
  }

  public RowType {
    fields = List.copyOf(requireNonNull(fields, "fields"));
    Set<String> seen = new HashSet<>();
    for (RowField field : fields) {
      if (!seen.add(field.name())) {
        throw new IllegalArgumentException(
            "Field names of a row must be unique, but '" + field.name() + "' appears twice in "
                + fields.stream().map(RowField::name).toList());
      }
    }
  }

  public RowType(List<RowField> fields) {
    this(true, fields);
  }

  /** A row type with the given names and types, which must be equally many. */
  public static RowType of(List<String> names, List<LogicalType> types) {
    if (names.size() != types.size()) {
      throw new IllegalArgumentException(
          names.size() + " field names were given for " + types.size() + " field types");
    }
    List<RowField> fields = new ArrayList<>(names.size());
    for (int i = 0; i < names.size(); i++) {
      fields.add(new RowField(names.get(i), types.get(i)));
    }
    return new RowType(true, fields);
  }

  public int fieldCount() {
    return fields.size();
  }

  public List<String> fieldNames() {
    return fields.stream().map(RowField::name).toList();
  }

  public List<LogicalType> fieldTypes() {
    return fields.stream().map(RowField::type).toList();
  }

  public LogicalType typeAt(int index) {
    return fields.get(index).type();
  }

  /** The position of the field with this exact name, or -1 when there is none. */
  public int fieldIndex(String name) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** The field with this exact name, if there is one. */
  public Optional<RowField> field(String name) {
    int index = fieldIndex(name);
    return index < 0 ? Optional.empty() : Optional.of(fields.get(index));
  }

  @Override
  public RowType copy(boolean nullable) {
    return new RowType(nullable, fields);
  }

  @Override
  public String asSummaryString() {
    String inner = fields.stream().map(RowField::asSummaryString).collect(Collectors.joining(", "));
    return TypeStrings.withNullability("ROW<" + inner + ">", nullable);
  }

  @Override
  public LogicalTypeRoot root() {
    return LogicalTypeRoot.ROW;
  }

  @Override
  public List<LogicalType> children() {
    return fieldTypes();
  }

  @Override
  public String toString() {
    return asSummaryString();
  }
}
