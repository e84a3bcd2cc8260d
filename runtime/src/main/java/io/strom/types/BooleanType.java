package io.strom.types;

/** The SQL type `BOOLEAN`: TRUE, FALSE or UNKNOWN (NULL). */
public record BooleanType(boolean nullable) implements LogicalType {
  public BooleanType() {
    this(true);
  }

  @Override
  public BooleanType copy(boolean nullable) {
    return new BooleanType(nullable);
  }

  @Override
  public String asSummaryString() {
    return TypeStrings.withNullability("BOOLEAN", nullable);
  }

  @Override
  public LogicalTypeRoot root() {
    return LogicalTypeRoot.BOOLEAN;
  }

  @Override
  public String toString() {
    return asSummaryString();
  }
}
