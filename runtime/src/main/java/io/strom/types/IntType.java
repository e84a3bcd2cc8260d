package io.strom.types;

/** The SQL type `INT`: a 4-byte signed integer. */
public record IntType(boolean nullable) implements LogicalType {
  public IntType() {
    this(true);
  }

  @Override
  public IntType copy(boolean nullable) {
    return new IntType(nullable);
  }

  @Override
  public String asSummaryString() {
    return TypeStrings.withNullability("INT", nullable);
  }

  @Override
  public LogicalTypeRoot root() {
    return LogicalTypeRoot.INTEGER;
  }

  @Override
  public String toString() {
    return asSummaryString();
  }
}
