package io.strom.types;

/** The SQL type {@code NULL}: the type of an untyped NULL literal, whose only value is NULL. */
public record NullType() implements LogicalType {

  @Override
  public boolean nullable() {
    return true;
  }

  @Override
  public NullType copy(boolean nullable) {
    if (!nullable) {
      throw new IllegalArgumentException("Type NULL cannot be NOT NULL");
    }
    return this;
  }

  @Override
  public String asSummaryString() {
    return "NULL";
  }

  @Override
  public LogicalTypeRoot root() {
    return LogicalTypeRoot.NULL;
  }

  @Override
  public String toString() {
    return asSummaryString();
  }
}
