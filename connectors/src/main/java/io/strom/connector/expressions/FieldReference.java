package io.strom.connector.expressions;

import static java.util.Objects.requireNonNull;

import io.strom.types.LogicalType;

/** A field of the source's produced row, by position and name. */
public record FieldReference(int index, String name, LogicalType type) implements ResolvedExpression {
  public FieldReference {
    if (index < 0) {
      throw new IllegalArgumentException("field index " + index + " is negative");
    }
    requireNonNull(name, "name");
    requireNonNull(type, "type");
  }

  @Override
  public String toString() {
    return name;
  }
}
