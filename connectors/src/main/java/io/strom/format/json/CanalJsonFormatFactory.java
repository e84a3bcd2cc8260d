package io.strom.format.json;

import io.strom.configuration.ConfigOption;
import io.strom.connector.DecodingFormatFactory;
import io.strom.connector.EncodingFormatFactory;
import io.strom.connector.ReadableOptions;
import io.strom.connector.RowDecoder;
import io.strom.connector.RowEncoder;
import io.strom.types.RowType;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Factory of the {@code canal-json} format: Canal's change messages in JSON, read as an updating
 * table and written from one. Shares the JSON format's options for values.
 */
public final class CanalJsonFormatFactory implements DecodingFormatFactory, EncodingFormatFactory {
  public static final String IDENTIFIER = "canal-json";

  @Override
  public String identifier() {
    return IDENTIFIER;
  }

  @Override
  public Set<ConfigOption<?>> requiredOptions() {
    return Set.of();
  }

  @Override
  public Set<ConfigOption<?>> optionalOptions() {
    Set<ConfigOption<?>> options = new HashSet<>(JsonFormatOptions.CHANGE_FORMAT_OPTIONS);
    options.add(CanalJsonFormatOptions.DATABASE_INCLUDE);
    options.add(CanalJsonFormatOptions.TABLE_INCLUDE);
    return options;
  }

  @Override
  public RowDecoder createDecoder(RowType producedType, ReadableOptions formatOptions) {
    return new CanalJsonRowDecoder(
        producedType,
        JsonSpec.from(formatOptions),
        pattern(formatOptions, CanalJsonFormatOptions.DATABASE_INCLUDE),
        pattern(formatOptions, CanalJsonFormatOptions.TABLE_INCLUDE));
  }

  @Override
  public RowEncoder createEncoder(RowType consumedType, ReadableOptions formatOptions) {
    return new CanalJsonRowEncoder(consumedType, JsonSpec.from(formatOptions));
  }

  /** The option's regular expression, checked now; null when unset. */
  private static String pattern(ReadableOptions options, ConfigOption<String> option) {
    String regex = options.get(option);
    if (regex != null) {
      try {
        Pattern.compile(regex);
      } catch (PatternSyntaxException e) {
        throw options.invalidValue(option.key(), regex, "a Java regular expression");
      }
    }
    return regex;
  }
}
