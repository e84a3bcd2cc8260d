package io.strom.sql.client;

import java.util.ArrayList;
import java.util.List;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * Splits a line of SQL into words for completion: a word runs between blanks and the punctuation
 * of SQL ({@code ( ) , ; =}), so {@code orders.id} and {@code 'table.exec.} are one word each.
 * Unlike JLine's default parser it leaves quotes and backslashes alone, and it never asks for
 * more input: the shell itself decides when a statement is complete.
 */
final class SqlLineParser implements Parser {

  @Override
  public ParsedLine parse(String line, int cursor, ParseContext context) {
    List<String> words = new ArrayList<>();
    int wordIndex = -1;
    int wordCursor = 0;
    int start = -1;
    for (int i = 0; i <= line.length(); i++) {
      boolean boundary = i == line.length() || isDelimiter(line.charAt(i));
      if (!boundary && start < 0) {
        start = i;
      }
      if (boundary && start >= 0) {
        if (cursor >= start && cursor <= i) {
          wordIndex = words.size();
          wordCursor = cursor - start;
        }
        words.add(line.substring(start, i));
        start = -1;
      }
    }
    if (wordIndex < 0) {
      // The cursor stands after a delimiter: it starts a new, empty word there.
      wordIndex = insertionIndex(line, cursor, words);
      words.add(wordIndex, "");
      wordCursor = 0;
    }
    return new SqlParsedLine(line, cursor, words, wordIndex, wordCursor);
  }

  private static int insertionIndex(String line, int cursor, List<String> words) {
    int index = 0;
    boolean inWord = false;
    for (int i = 0; i < cursor && i < line.length(); i++) {
      boolean delimiter = isDelimiter(line.charAt(i));
      if (!delimiter && !inWord) {
        index++;
      }
      inWord = !delimiter;
    }
    return Math.min(index, words.size());
  }

  static boolean isDelimiter(char c) {
    return Character.isWhitespace(c) || c == '(' || c == ')' || c == ',' || c == ';' || c == '=';
  }

  /** A parsed line whose words are exactly the text typed (no quotes removed). */
  private record SqlParsedLine(
      String line, int cursor, List<String> words, int wordIndex, int wordCursor)
      implements CompletingParsedLine {

    @Override
    public String word() {
      return words.get(wordIndex);
    }

    @Override
    public CharSequence escape(CharSequence candidate, boolean complete) {
      return candidate;
    }

    @Override
    public int rawWordCursor() {
      return wordCursor;
    }

    @Override
    public int rawWordLength() {
      return word().length();
    }
  }
}
