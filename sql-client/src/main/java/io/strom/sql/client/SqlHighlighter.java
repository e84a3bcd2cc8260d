package io.strom.sql.client;

import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Colours SQL as it is typed: keywords bold blue, string literals green, quoted identifiers cyan,
 * numbers yellow, comments grey. Works on the whole buffer, so a string or comment that spans
 * lines of a multi-line statement keeps its colour.
 */
final class SqlHighlighter implements Highlighter {
  static final AttributedStyle KEYWORD = AttributedStyle.BOLD.foreground(AttributedStyle.BLUE);
  static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
  static final AttributedStyle IDENTIFIER =
      AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
  static final AttributedStyle NUMBER = AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
  static final AttributedStyle COMMENT =
      AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT).italic();

  @Override
  public AttributedString highlight(LineReader reader, String buffer) {
    return highlight(buffer);
  }

  static AttributedString highlight(String text) {
    AttributedStringBuilder out = new AttributedStringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      int end;
      AttributedStyle style;
      if (c == '-' && text.startsWith("--", i)) {
        end = text.indexOf('\n', i);
        end = end < 0 ? text.length() : end;
        style = COMMENT;
      } else if (c == '/' && text.startsWith("/*", i)) {
        end = text.indexOf("*/", i + 2);
        end = end < 0 ? text.length() : end + 2;
        style = COMMENT;
      } else if (c == '\'' || c == '`') {
        end = closingQuote(text, i);
        style = c == '\'' ? STRING : IDENTIFIER;
      } else if (Character.isDigit(c)) {
        end = i;
        while (end < text.length() && (Character.isDigit(text.charAt(end)) || text.charAt(end) == '.')) {
          end++;
        }
        style = NUMBER;
      } else if (Character.isLetter(c) || c == '_') {
        end = i;
        while (end < text.length()
            && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
          end++;
        }
        style = SqlKeywords.isKeyword(text.substring(i, end)) ? KEYWORD : AttributedStyle.DEFAULT;
      } else {
        end = i + 1;
        style = AttributedStyle.DEFAULT;
      }
      out.styled(style, text.substring(i, end));
      i = end;
    }
    return out.toAttributedString();
  }

  /** The end of a quoted part starting at {@code start}; a doubled quote stays inside. */
  private static int closingQuote(String text, int start) {
    char quote = text.charAt(start);
    int i = start + 1;
    while (i < text.length()) {
      if (text.charAt(i) == quote) {
        if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return text.length();
  }
}
