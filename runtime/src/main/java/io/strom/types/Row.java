package io.strom.types;

import static java.util.Objects.requireNonNull;

import io.strom.data.RowKind;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A row of Java values with its change kind, as programs see results and hand rows in: fields are
 * plain Java objects ({@code String}, {@code BigDecimal}, {@code LocalDateTime}, nested {@code
 * Row}s, ...). Rows the engine hands out also know their field names.
 *
 * <p>The engine's own rows ({@link io.strom.data.Row}) hold internal forms instead; {@link
 * io.strom.data.ExternalRows} converts between the two.
 */
public final class Row implements Serializable {
  private static final long serialVersionUID = 1L;

  private RowKind kind;
  private final Object[] fields;
  /** The names of the fields, or null when the row is positional only. */
  private final List<String> names;

  private Row(RowKind kind, Object[] fields, List<String> names) {
    this.kind = requireNonNull(kind, "kind");
    this.fields = fields;
    this.names = names;
    if (names != null && names.size() != fields.length) {
      throw new IllegalArgumentException(
          "A row of " + fields.length + " fields cannot have the " + names.size() + " names " + names);
    }
  }

  /** An insert row of the given values. */
  public static Row of(Object... values) {
    return ofKind(RowKind.INSERT, values);
  }

  public static Row ofKind(RowKind kind, Object... values) {
    return new Row(kind, values.clone(), null);
  }

  /** A row of {@code arity} nulls, to fill with {@link #setField(int, Object)}. */
  public static Row withPositions(int arity) {
    return new Row(RowKind.INSERT, new Object[arity], null);
  }

  /** A row whose fields are also known by name. */
  public static Row withNames(RowKind kind, List<String> names, Object... values) {
    return new Row(kind, values.clone(), List.copyOf(names));
  }

  public RowKind getKind() {
    return kind;
  }

  public void setKind(RowKind kind) {
    this.kind = requireNonNull(kind, "kind");
  }

  public int getArity() {
    return fields.length;
  }

  public Object getField(int pos) {
    return fields[pos];
  }

  /** The field called {@code name}; only rows that know their field names have it. */
  public Object getField(String name) {
    return fields[indexOf(name)];
  }

  @SuppressWarnings("unchecked")
  public <T> T getFieldAs(int pos) {
    return (T) fields[pos];
  }

  @SuppressWarnings("unchecked")
  public <T> T getFieldAs(String name) {
    return (T) getField(name);
  }

  public void setField(int pos, Object value) {
    fields[pos] = value;
  }

  /** The field names, or null when the row is positional only. */
  public List<String> getFieldNames() {
    return names;
  }

  private int indexOf(String name) {
    int index = names == null ? -1 : names.indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException(
          names == null
              ? "This row has no field names; read its fields by position"
              : "The row has no field '" + name + "'; its fields are " + names);
    }
    return index;
  }

  /** Equal kind and equal values (arrays by content); names are not compared. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Row other && kind == other.kind && Arrays.deepEquals(fields, other.fields);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, Arrays.deepHashCode(fields));
  }

  /** As Flink prints changelog rows: {@code +I[1, abc, null]}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(kind.shortString()).append('[');
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        text.append(", ");
      }
      Object value = fields[i];
      text.append(value instanceof Object[] array ? Arrays.deepToString(array)
          : value instanceof byte[] bytes ? Arrays.toString(bytes) : String.valueOf(value));
    }
    return text.append(']').toString();
  }
}
