package io.strom.types;

/**
 * The SQL type {@code BINARY(n)}: a fixed-length byte string.
 *
 * @param nullable whether NULL is allowed
 * @param length number of bytes, 1 to {@link #MAX_LENGTH}
 */
public record BinaryType(boolean nullable, int length) implements LogicalType {
  public static final int MAX_LENGTH = Integer.MAX_VALUE;
  public static final int DEFAULT_LENGTH = 1;

  public BinaryType {
    TypeStrings.checkRange("Length", "BINARY", length, 1, MAX_LENGTH);
  }

  public BinaryType(int length) {
    this(true, length);
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
