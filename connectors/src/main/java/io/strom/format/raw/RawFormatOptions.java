package io.strom.format.raw;

import io.strom.configuration.ConfigOption;
import io.strom.configuration.ConfigOptions;

/** The options of the {@code raw} format, written {@code raw.<key>} in a table's options. */
public final class RawFormatOptions {
  private RawFormatOptions() {}

  public static final ConfigOption<String> CHARSET =
      ConfigOptions.key("charset")
          .stringType()
          .defaultValue("UTF-8")
          .withDescription("The character set of a string column's bytes.");
}
