package io.strom.types;

/**
 * The SQL type {@code VARCHAR(n)}: a character string of at most {@code n} characters; {@code STRING} is {@code VARCHAR(2147483647)}.
 *
 * @param nullable whether NULL is allowed
 * @param length maximum number of characters, 1 to {@link #MAX_LENGTH}; 0 only for the
 *     empty literal ''
 */
public record VarCharType(boolean nullable, int length) implements LogicalType {
  public static final int MAX_LENGTH = Integer.MAX_VALUE;
  public static final int DEFAULT_LENGTH = 1;
  /** Length of types computed from the empty literal '', as in Flink; declared types start at 1. */
  public static final int EMPTY_LITERAL_LENGTH = 0;

  public VarCharType {
    TypeStrings.checkRange("Length", "VARCHAR", length, EMPTY_LITERAL_LENGTH, MAX_LENGTH);
  }

  /** A declared {@code VARCHAR(length)}, nullable; the length must be at least 1. */
  public VarCharType(int length) {
    this(true, TypeStrings.checkedLength("VARCHAR", length, MAX_LENGTH));
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
