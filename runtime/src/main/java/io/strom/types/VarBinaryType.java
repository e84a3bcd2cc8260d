package io.strom.types;

/**
 * The SQL type {@code VARBINARY(n)}: a byte string of at most {@code n} bytes; {@code BYTES} is {@code VARBINARY(2147483647)}.
 *
 * @param nullable whether NULL is allowed
 * @param length maximum number of bytes, 1 to {@link #MAX_LENGTH}; 0 only for the
 *     empty literal X''
 */
public record VarBinaryType(boolean nullable, int length) implements LogicalType {
  public static final int MAX_LENGTH = Integer.MAX_VALUE;
  public static final int DEFAULT_LENGTH = 1;
  /** Length of types computed from the empty literal X'', as in Flink; declared ones start at 1. */
  public static final int EMPTY_LITERAL_LENGTH = 0;

  public VarBinaryType {
    TypeStrings.checkRange("Length", "VARBINARY", length, EMPTY_LITERAL_LENGTH, MAX_LENGTH);
  }

  /** A declared {@code VARBINARY(length)}, nullable; the length must be at least 1. */
  public VarBinaryType(int length) {
    this(true, TypeStrings.checkedLength("VARBINARY", length, MAX_LENGTH));
  }

  @Override
  public VarBinaryType copy(boolean nullable) {
    return new VarBinaryType(nullable, length);
  }

  @Override
  public String asSummaryString() {
    String base = length == MAX_LENGTH ? "BYTES" : "VARBINARY(" + length + ")";
    return TypeStrings.withNullability(base, nullable);
  }

  @Override
  public LogicalTypeRoot root() {
    return LogicalTypeRoot.VARBINARY;
  }

  @Override
  public String toString() {
    return asSummaryString();
  }
}
