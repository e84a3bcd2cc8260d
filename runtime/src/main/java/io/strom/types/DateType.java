package io.strom.types;

/** The SQL type `DATE`: a day without time zone, held as days since 1970-01-01. */
public record DateType(boolean nullable) implements LogicalType {
  public DateType() {
    this(true);
  }

  @Override
  public DateType copy(boolean nullable) {
    return new DateType(nullable);
  }

  @Override
  public String asSummaryString() {
    return TypeStrings.withNullability("DATE", nullable);
  }

  @Override
  public LogicalTypeRoot root() {
    return LogicalTypeRoot.DATE;
  }

  @Override
  public String toString() {
    return asSummaryString();
  }
}
