package io.strom.types;

/** Helpers that format types the way Flink prints them. */
final class TypeStrings {
  private TypeStrings() {}

  static String withNullability(String base, boolean nullable) {
    return nullable ? base : base + " NOT NULL";
  }

  static void checkRange(String what, String type, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          what + " of " + type + " must be between " + min + " and " + max
              + " (both inclusive), got " + value);
    }
  }

  /** The length of a declared string or binary type, checked to lie in 1 to {@code max}. */
  static int checkedLength(String type, int length, int max) {
    checkRange("Length", type, length, 1, max);
    return length;
  }

  /** Quotes an identifier with backticks, doubling any backtick inside it. */
  static String quote(String identifier) {
    return "`" + identifier.replace("`", "``") + "`";
  }
}
