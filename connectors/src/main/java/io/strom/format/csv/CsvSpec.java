package io.strom.format.csv;

import static java.util.Objects.requireNonNull;

import io.strom.connector.ReadableOptions;
import java.io.Serializable;

/**
 * The settings of one CSV table, read from and checked against its options.
 *
 * @param fieldDelimiter the byte between fields
 * @param quote the quote byte, or -1 when quoting is disabled
 * @param escape the escape byte, or -1 when there is none
 * @param allowComments whether lines starting with '#' are skipped
 * @param ignoreParseErrors whether malformed lines are skipped (and counted)
 * @param arrayElementDelimiter the text between array elements and nested row fields
 * @param nullLiteral the text of NULL, or null when NULL is an empty field
 */
public record CsvSpec(
    byte fieldDelimiter,
    int quote,
    int escape,
    boolean allowComments,
    boolean ignoreParseErrors,
    String arrayElementDelimiter,
    String nullLiteral)
    implements Serializable {

  public CsvSpec {
    requireNonNull(arrayElementDelimiter, "arrayElementDelimiter");
    if (arrayElementDelimiter.isEmpty()) {
      throw new IllegalArgumentException("The array element delimiter must not be empty");
    }
    if (quote == fieldDelimiter || escape == fieldDelimiter) {
      throw new IllegalArgumentException("The quote and escape characters must differ from the field delimiter");
    }
  }

  /** Reads and checks the {@code csv.} options. */
  public static CsvSpec from(ReadableOptions options) {
    byte delimiter = singleChar(options, CsvFormatOptions.FIELD_DELIMITER.key(),
        options.get(CsvFormatOptions.FIELD_DELIMITER), true);
    int quote = options.get(CsvFormatOptions.DISABLE_QUOTE_CHARACTER)
        ? -1
        : singleChar(options, CsvFormatOptions.QUOTE_CHARACTER.key(),
            options.get(CsvFormatOptions.QUOTE_CHARACTER), false);
    int escape = options.getOptional(CsvFormatOptions.ESCAPE_CHARACTER)
        .map(e -> (int) singleChar(options, CsvFormatOptions.ESCAPE_CHARACTER.key(), e, false))
        .orElse(-1);
    String arrayDelimiter = options.get(CsvFormatOptions.ARRAY_ELEMENT_DELIMITER);
    if (arrayDelimiter.isEmpty()) {
      throw options.invalidValue(
          CsvFormatOptions.ARRAY_ELEMENT_DELIMITER.key(), arrayDelimiter, "a non-empty string");
    }
    if (quote == delimiter || escape == delimiter) {
      throw options.invalidValue(CsvFormatOptions.FIELD_DELIMITER.key(), String.valueOf((char) delimiter),
          "a character other than the quote and escape characters");
    }
    return new CsvSpec(
        delimiter,
        quote,
        escape,
        options.get(CsvFormatOptions.ALLOW_COMMENTS),
        options.get(CsvFormatOptions.IGNORE_PARSE_ERRORS),
        arrayDelimiter,
        options.getOptional(CsvFormatOptions.NULL_LITERAL).orElse(null));
  }

  private static byte singleChar(ReadableOptions options, String key, String value, boolean tabEscape) {
    String text = tabEscape && value.equals("\\t") ? "\t" : value;
    if (text.length() != 1 || text.charAt(0) > 127 || text.charAt(0) == '\n' || text.charAt(0) == '\r') {
      throw options.invalidValue(key, value, "a single ASCII character other than a line break"
          + (tabEscape ? " (or '\\t' for a tab)" : ""));
    }
    return (byte) text.charAt(0);
  }
}
