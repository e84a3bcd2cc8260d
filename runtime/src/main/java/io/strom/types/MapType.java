package io.strom.types;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The SQL type {@code MAP<k, v>}: an unordered association of distinct keys to values.
 *
 * @param nullable whether NULL is allowed
 * @param keyType the type of the keys
 * @param valueType the type of the values
 */
public record MapType(boolean nullable, LogicalType keyType, LogicalType valueType)
    implements LogicalType {
  public MapType {
    requireNonNull(keyType, "keyType");
    requireNonNull(valueType, "valueType");
  }

  public MapType(LogicalType keyType, LogicalType valueType) {
    this(true, keyType, valueType);
  }

  @Override
  public MapType copy(boolean nullable) {
    return new MapType(nullable, keyType, valueType);
  }

  @Override
  public String asSummaryString() {
    return TypeStrings.withNullability(
        "MAP<" + keyType.asSummaryString() + ", " + valueType.asSummaryString() + ">", nullable);
  }

  @Override
  public LogicalTypeRoot root() {
    return LogicalTypeRoot.MAP;
  }

  @Override
  public List<LogicalType> children() {
    return List.of(keyType, valueType);
  }

  @Override
  public String toString() {
    return asSummaryString();
  }
}
