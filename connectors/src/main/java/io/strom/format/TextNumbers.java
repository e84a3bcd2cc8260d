package io.strom.format;

/** Parses whole numbers from ASCII bytes without creating strings. */
public final class TextNumbers {
  private TextNumbers() {}

  /**
   * The value of an optionally signed decimal integer.
   *
   * @throws NumberFormatException when the text is empty, has other characters, or overflows
   */
  public static long parseLong(byte[] b, int off, int len) {
    int i = off;
    int end = off + len;
    boolean negative = false;
    if (i < end && (b[i] == '-' || b[i] == '+')) {
      negative = b[i] == '-';
      i++;
    }
    if (i == end) {
      throw new NumberFormatException("no digits");
    }
    long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
    long multiplyLimit = limit / 10;
    long result = 0;
    for (; i < end; i++) {
      int digit = b[i] - '0';
      if (digit < 0 || digit > 9) {
        throw new NumberFormatException("not a whole number");
      }
      if (result < multiplyLimit) {
        throw new NumberFormatException("out of range");
      }
      result *= 10;
      if (result < limit + digit) {
        throw new NumberFormatException("out of range");
      }
      result -= digit;
    }
    return negative ? result : -result;
  }
}
