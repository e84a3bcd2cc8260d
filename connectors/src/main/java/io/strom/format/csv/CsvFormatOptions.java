package io.strom.format.csv;

import io.strom.configuration.ConfigOption;
import io.strom.configuration.ConfigOptions;

/** The options of the {@code csv} format, as Flink names them (written with the {@code csv.} prefix). */
public final class CsvFormatOptions {
  private CsvFormatOptions() {}

  public static final ConfigOption<String> FIELD_DELIMITER =
      ConfigOptions.key("field-delimiter")
          .stringType()
          .defaultValue(",")
          .withDescription("The character between fields; '\\t' stands for a tab.");

  public static final ConfigOption<String> QUOTE_CHARACTER =
      ConfigOptions.key("quote-character")
          .stringType()
          .defaultValue("\"")
          .withDescription("The character that encloses fields holding delimiters or line breaks.");

  public static final ConfigOption<Boolean> DISABLE_QUOTE_CHARACTER =
      ConfigOptions.key("disable-quote-character")
          .booleanType()
          .defaultValue(false)
          .withDescription("Neither read nor write quotes; fields are taken literally.");

  public static final ConfigOption<Boolean> ALLOW_COMMENTS =
      ConfigOptions.key("allow-comments")
          .booleanType()
          .defaultValue(false)
          .withDescription("Skip lines that start with '#'.");

  public static final ConfigOption<Boolean> IGNORE_PARSE_ERRORS =
      ConfigOptions.key("ignore-parse-errors")
          .booleanType()
          .defaultValue(false)
          .withDescription(
              "Skip malformed lines (counted as numRecordsDroppedMalformed) instead of failing.");

  public static final ConfigOption<String> ARRAY_ELEMENT_DELIMITER =
      ConfigOptions.key("array-element-delimiter")
          .stringType()
          .defaultValue(";")
          .withDescription("The text between the elements of an array or the fields of a row.");

  public static final ConfigOption<String> ESCAPE_CHARACTER =
      ConfigOptions.key("escape-character")
          .stringType()
          .noDefaultValue()
          .withDescription("A character that makes the next one literal; none by default.");

  public static final ConfigOption<String> NULL_LITERAL =
      ConfigOptions.key("null-literal")
          .stringType()
          .noDefaultValue()
          .withDescription(
              "Text that stands for NULL. Without it an empty field is NULL for every type but "
                  + "strings, and NULL is written as an empty field.");
}
