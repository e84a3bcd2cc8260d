package io.strom.types;

/**
 * The SQL type {@code BINARY(n)}: a fixed-length byte string.
 *
 * @param nullable whether NULL is allowed
 * @param length number of bytes, 1 to {@link #MAX_LENGTH}; 0 only for the
 *     empty literal X''
 */
public record BinaryType(boolean nullable, int length) implements LogicalType {
  public static final int MAX_LENGTH = Integer.MAX_VALUE;
  public static final int DEFAULT_LENGTH = 1;
  /**
   * Length of the type of the empty literal X'', as in Flink. Declared types start at 1;
   * typing the empty literal with length 1 would make it one zero byte long once cast to its type.
   */
  public static final int EMPTY_LITERAL_LENGTH = 0;

  public BinaryType {
    TypeStrings.checkRange("Length", "BINARY", length, EMPTY_LITERAL_LENGTH, MAX_LENGTH);
  }

  /** A declared {@code BINARY(length)}, nullable; the length must be at least 1. */
  public BinaryType(int length) {
    this(true, TypeStrings.checkedLength("BINARY", length, MAX_LENGTH));
  }

  @Override
  public BinaryType copy(boolean nullable) {
    return new BinaryType(nullable, length);
  }

  @Override
  public String asSummaryString() {
    String base = "BINARY(" + length + ")";
    return TypeStrings.withNullability(base, nullable);
  }

  @Override
  public LogicalTypeRoot root() {
    return LogicalTypeRoot.BINARY;
  }

  @Override
  public String toString() {
    return asSummaryString();
  }
}
