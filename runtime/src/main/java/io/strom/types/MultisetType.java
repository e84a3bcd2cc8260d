package io.strom.types;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The SQL type {@code MULTISET<t>}: a bag of elements, held as a map from element to its count.
 *
 * @param nullable whether NULL is allowed
 * @param elementType the type of the elements
 */
public record MultisetType(boolean nullable, LogicalType elementType) implements LogicalType {
  public MultisetType {
    requireNonNull(elementType, "elementType");
  }

  public MultisetType(LogicalType elementType) {
    this(true, elementType);
  }

  /** The type of the map that holds the values: element to {@code INT NOT NULL} count. */
  public MapType asMapType() {
    return new MapType(nullable, elementType, new IntType(false));
  }

  @Override
  public MultisetType copy(boolean nullable) {
    return new MultisetType(nullable, elementType);
  }

  @Override
  public String asSummaryString() {
    return TypeStrings.withNullability(
        "MULTISET<" + elementType.asSummaryString() + ">", nullable);
  }

  @Override
  public LogicalTypeRoot root() {
    return LogicalTypeRoot.MULTISET;
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
