package io.strom.types;

/** The SQL type `FLOAT`: a 4-byte IEEE 754 floating point number. */
public record FloatType(boolean nullable) implements LogicalType {
  public FloatType() {
    this(true);
  }

  @Override
  public FloatType copy(boolean nullable) {
    return new FloatType(nullable);
  }

  @Override
  public String asSummaryString() {
    return TypeStrings.withNullability("FLOAT", nullable);
  }

  @Override
  public LogicalTypeRoot root() {
    return LogicalTypeRoot.FLOAT;
  }

  @Override
  public String toString() {
    return asSummaryString();
  }
}
