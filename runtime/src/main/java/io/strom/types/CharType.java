package io.strom.types;

/**
 * The SQL type {@code CHAR(n)}: a fixed-length character string.
 *
 * @param nullable whether NULL is allowed
 * @param length number of characters, 1 to {@link #MAX_LENGTH}
 */
public record CharType(boolean nullable, int length) implements LogicalType {
  public static final int MAX_LENGTH = Integer.MAX_VALUE;
  public static final int DEFAULT_LENGTH = 1;

  public CharType {
    TypeStrings.checkRange("Length", "CHAR", length, 1, MAX_LENGTH);
  }

  public CharType(int length) {
    this(true, length);
  }

  @Override
  public CharType copy(boolean nullable) {
    return new CharType(nullable, length);
  }

  @Override
  public String asSummaryString() {
    String base = "CHAR(" + length + ")";
    return TypeStrings.withNullability(base, nullable);
  }

  @Override
  public LogicalTypeRoot root() {
    return LogicalTypeRoot.CHAR;
  }

  @Override
  public String toString() {
    return asSummaryString();
  }
}
