package io.strom.api;

import static java.util.Objects.requireNonNull;

import io.strom.api.typeinfo.TypeInfo;
import java.io.Serializable;

/**
 * Names a side output of an operator, such as the rows a window dropped as late.
 *
 * <p>Tags are equal when their ids are equal.
 */
public final class OutputTag<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String id;
  private final TypeInfo<T> type;

  public OutputTag(String id, TypeInfo<T> type) {
    this.id = requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("An output tag needs a non-blank id");
    }
    this.type = requireNonNull(type, "type");
  }

  /** A tag whose values are serialized by inspecting them when they cross an exchange. */
  public OutputTag(String id) {
    this(id, TypeInfo.generic());
  }

  public String id() {
    return id;
  }

  public TypeInfo<T> type() {
    return type;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OutputTag<?> other && other.id.equals(id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "OutputTag(" + id + ")";
  }
}
