package io.strom.types;

/**
 * The SQL type {@code VARCHAR(n)}: a character string of at most {@code n} characters; {@code STRING} is {@code VARCHAR(2147483647)}.
 *
 * @param nullable whether NULL is allowed
 * @param length maximum number of characters, 1 to {@link #MAX_LENGTH}
 */
public record VarCharType(boolean nullable, int length) implements LogicalType {
  public static final int MAX_LENGTH = Integer.MAX_VALUE;
  public static final int DEFAULT_LENGTH = 1;

  public VarCharType {
    TypeStrings.checkRange("Length", "VARCHAR", length, 1, MAX_LENGTH);
  }

  public VarCharType(int length) {
    this(true, length);
  }

  @Override
  public VarCharType copy(boolean nullable) {
    return new VarCharType(nullable, length);
  }

  @Override
  public String asSummaryString() {
    String base = length == MAX_LENGTH ? "STRING" : "VARCHAR(" + length + ")";
    return TypeStrings.withNullability(base, nullable);
  }

  @Override
  public LogicalTypeRoot root() {
    return LogicalTypeRoot.VARCHAR;
  }

  @Override
  public String toString() {
    return asSummaryString();
  }
}
