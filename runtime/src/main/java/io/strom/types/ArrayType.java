package io.strom.types;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The SQL type {@code ARRAY<t>}: an ordered list of elements of one type.
 *
 * @param nullable whether NULL is allowed
 * @param elementType the type of the elements
 */
public record ArrayType(boolean nullable, LogicalType elementType) implements LogicalType {
  public ArrayType {
    requireNonNull(elementType, "elementType");
  }

  public ArrayType(LogicalType elementType) {
    this(true, elementType);
  }

  @Override
  public ArrayType copy(boolean nullable) {
    return new ArrayType(nullable, elementType);
  }

  @Override
  public String asSummaryString() {
    return TypeStrings.withNullability(
        "ARRAY<" + elementType.asSummaryString() + ">", nullable);
  }

  @Override
  public LogicalTypeRoot root() {
    return LogicalTypeRoot.ARRAY;
  }

  @Override
  public List<LogicalType> children() {
    return List.of(elementType);
  }

  @Override
  public String toString() {
    return asSummaryString();
  }
}
