package io.strom.types;

/** The SQL type `SMALLINT`: a 2-byte signed integer. */
public record SmallIntType(boolean nullable) implements LogicalType {
  public SmallIntType() {
    this(true);
  }

  @Override
  public SmallIntType copy(boolean nullable) {
    return new SmallIntType(nullable);
  }

  @Override
  public String asSummaryString() {
    return TypeStrings.withNullability("SMALLINT", nullable);
  }

  @Override
  public LogicalTypeRoot root() {
    return LogicalTypeRoot.SMALLINT;
  }

  @Override
  public String toString() {
    return asSummaryString();
  }
}
