package io.strom.types;

/** The SQL type `DOUBLE`: an 8-byte IEEE 754 floating point number. */
public record DoubleType(boolean nullable) implements LogicalType {
  public DoubleType() {
    this(true);
  }

  @Override
  public DoubleType copy(boolean nullable) {
    return new DoubleType(nullable);
  }

  @Override
  public String asSummaryString() {
    return TypeStrings.withNullability("DOUBLE", nullable);
  }

  @Override
  public LogicalTypeRoot root() {
    return LogicalTypeRoot.DOUBLE;
  }

  @Override
  public String toString() {
    return asSummaryString();
  }
}
