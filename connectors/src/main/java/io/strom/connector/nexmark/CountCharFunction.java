package io.strom.connector.nexmark;

import io.strom.api.functions.ScalarFunction;

/**
 * The scalar function Nexmark's q14 registers as {@code count_char}: how many times a character
 * occurs in a string. {@code count_char('abcabc', 'c')} is 2. Only the first character of the
 * second argument counts; an empty second argument, or a NULL argument, gives NULL.
 */
public final class CountCharFunction extends ScalarFunction {
  private static final long serialVersionUID = 1L;

  public Long eval(String text, String character) {
    if (text == null || character == null || character.isEmpty()) {
      return null;
    }
    char wanted = character.charAt(0);
    long count = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == wanted) {
        count++;
      }
    }
    return count;
  }
}
