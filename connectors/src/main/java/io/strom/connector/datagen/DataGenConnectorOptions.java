package io.strom.connector.datagen;

import io.strom.configuration.ConfigOption;
import io.strom.configuration.ConfigOptions;
import java.time.Duration;
import java.util.List;

/**
 * The options of the {@code datagen} connector, as Flink names them. Per-column options are
 * written {@code fields.<column>.<option>}; the constants with {@code #} in their key are their
 * templates.
 */
public final class DataGenConnectorOptions {
  private DataGenConnectorOptions() {}

  /** How a column's values are generated. */
  public enum Kind {
    RANDOM,
    SEQUENCE;

    @Override
    public String toString() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public static final ConfigOption<Long> ROWS_PER_SECOND =
      ConfigOptions.key("rows-per-second")
          .longType()
          .defaultValue(10_000L)
          .withDescription(
              "Rows generated per second over all parallel readers. 0 means as fast as possible"
                  + " (a Strom addition; Flink requires a positive rate).");

  public static final ConfigOption<Long> NUMBER_OF_ROWS =
      ConfigOptions.key("number-of-rows")
          .longType()
          .noDefaultValue()
          .withDescription("Rows to generate in total; the table is unbounded without it (unless"
              + " a column is a sequence).");

  public static final ConfigOption<Kind> KIND = field("kind").enumType(Kind.class).defaultValue(Kind.RANDOM)
      .withDescription("'random' or 'sequence'.");

  public static final ConfigOption<String> MIN = field("min").stringType().noDefaultValue()
      .withDescription("The least random value of a numeric column.");

  public static final ConfigOption<String> MAX = field("max").stringType().noDefaultValue()
      .withDescription("The greatest random value of a numeric column.");

  public static final ConfigOption<Duration> MAX_PAST = field("max-past").durationType()
      .defaultValue(Duration.ZERO)
      .withDescription("How far before now a random date, time or timestamp may lie.");

  public static final ConfigOption<Integer> LENGTH = field("length").intType().noDefaultValue()
      .withDescription("Length of random strings and bytes (default 100, or the declared length"
          + " if smaller) or element count of arrays, maps and multisets (default 3).");

  public static final ConfigOption<Boolean> VAR_LEN = field("var-len").booleanType()
      .defaultValue(false)
      .withDescription("Give random strings and bytes a random length from 1 to 'length'.");

  public static final ConfigOption<String> START = field("start").stringType().noDefaultValue()
      .withDescription("The first value of a sequence.");

  public static final ConfigOption<String> END = field("end").stringType().noDefaultValue()
      .withDescription("The last value of a sequence.");

  public static final ConfigOption<Double> NULL_RATE = field("null-rate").doubleType()
      .defaultValue(0.0)
      .withDescription("The share of NULLs among a column's values, from 0 to 1.");

  /** The per-column option templates. */
  public static final List<ConfigOption<?>> FIELD_OPTIONS =
      List.of(KIND, MIN, MAX, MAX_PAST, LENGTH, VAR_LEN, START, END, NULL_RATE);

  /** The prefix of per-column keys. */
  public static final String FIELDS_PREFIX = "fields.";

  private static ConfigOptions.KeyBuilder field(String suffix) {
    return ConfigOptions.key(FIELDS_PREFIX + "#." + suffix);
  }

  /** The option's suffix after {@code fields.#.}. */
  static String suffix(ConfigOption<?> template) {
    return template.key().substring((FIELDS_PREFIX + "#.").length());
  }

  /** The key of a template for one column, e.g. {@code fields.id.kind}. */
  static String keyFor(ConfigOption<?> template, String column) {
    return FIELDS_PREFIX + column + "." + suffix(template);
  }
}
