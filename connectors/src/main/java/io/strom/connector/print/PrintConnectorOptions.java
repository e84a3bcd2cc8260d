package io.strom.connector.print;

import io.strom.configuration.ConfigOption;
import io.strom.configuration.ConfigOptions;

/** The options of the {@code print} connector, as Flink names them. */
public final class PrintConnectorOptions {
  private PrintConnectorOptions() {}

  public static final ConfigOption<String> PRINT_IDENTIFIER =
      ConfigOptions.key("print-identifier")
          .stringType()
          .noDefaultValue()
          .withDescription("A prefix of every printed line, to tell several print sinks apart.");

  public static final ConfigOption<Boolean> STANDARD_ERROR =
      ConfigOptions.key("standard-error")
          .booleanType()
          .defaultValue(false)
          .withDescription("Print to standard error instead of standard output.");
}
