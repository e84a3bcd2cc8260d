package io.strom.types;

/** The SQL type `BIGINT`: an 8-byte signed integer. */
public record BigIntType(boolean nullable) implements LogicalType {
  public BigIntType() {
    this(true);
  }

  @Override
  public BigIntType copy(boolean nullable) {
    return new BigIntType(nullable);
  }

  @Override
  public String asSummaryString() {
    return TypeStrings.withNullability("BIGINT", nullable);
  }

  @Override
  public LogicalTypeRoot root() {
    return LogicalTypeRoot.BIGINT;
  }

  @Override
  public String toString() {
    return asSummaryString();
  }
}
