package io.strom.types;

/**
 * The SQL type {@code CHAR(n)}: a fixed-length character string.
 *
 * @param nullable whether NULL is allowed
 * @param length number of characters, 1 to {@link #MAX_LENGTH}; 0 only for the
 *     empty literal ''
 */
public record CharType(boolean nullable, int length) implements LogicalType {
  public static final int MAX_LENGTH = Integer.MAX_VALUE;
  public static final int DEFAULT_LENGTH = 1;
  /**
   * Length of the type of the empty literal '', as in Flink. Declared types start at 1;
   * typing the empty literal with length 1 would make it one space long once cast to its type.
   */
  public static final int EMPTY_LITERAL_LENGTH = 0;

  public CharType {
    TypeStrings.checkRange("Length", "CHAR", length, EMPTY_LITERAL_LENGTH, MAX_LENGTH);
  }

  /** A declared {@code CHAR(length)}, nullable; the length must be at least 1. */
  public CharType(int length) {
    this(true, TypeStrings.checkedLength("CHAR", length, MAX_LENGTH));
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
