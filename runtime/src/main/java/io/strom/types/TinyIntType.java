package io.strom.types;

/** The SQL type `TINYINT`: a 1-byte signed integer. */
public record TinyIntType(boolean nullable) implements LogicalType {
  public TinyIntType() {
    this(true);
  }

  @Override
  public TinyIntType copy(boolean nullable) {
    return new TinyIntType(nullable);
  }

  @Override
  public String asSummaryString() {
    return TypeStrings.withNullability("TINYINT", nullable);
  }

  @Override
  public LogicalTypeRoot root() {
    return LogicalTypeRoot.TINYINT;
  }

  @Override
  public String toString() {
    return asSummaryString();
  }
}
