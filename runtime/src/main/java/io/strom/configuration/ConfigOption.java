package io.strom.configuration;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.function.Function;

/**
 * A typed configuration key with its default and a description, declared once as a constant.
 *
 * <p>Values are stored as text (the form they take in the YAML file and in {@code SET 'k' = 'v'})
 * and parsed on read, so one {@link Configuration} serves every source of settings.
 */
public final class ConfigOption<T> {
  private final String key;
  private final Class<?> type;
  private final T defaultValue;
  private final String description;
  private final List<String> fallbackKeys;
  private final Function<String, T> parser;

  ConfigOption(
      String key,
      Class<?> type,
      T defaultValue,
      String description,
      List<String> fallbackKeys,
      Function<String, T> parser) {
    this.key = requireNonNull(key, "key");
    this.type = requireNonNull(type, "type");
    this.defaultValue = defaultValue;
    this.description = requireNonNull(description, "description");
    this.fallbackKeys = List.copyOf(fallbackKeys);
    this.parser = requireNonNull(parser, "parser");
  }

  public String key() {
    return key;
  }

  /** The Java type of the value, for documentation and completion. */
  public Class<?> type() {
    return type;
  }

  /** The value used when the key is not set; may be null for options without a default. */
  public T defaultValue() {
    return defaultValue;
  }

  public boolean hasDefaultValue() {
    return defaultValue != null;
  }

  public String description() {
    return description;
  }

  /** Older or alternative keys read when {@link #key()} is not set. */
  public List<String> fallbackKeys() {
    return fallbackKeys;
  }

  /** Returns a copy of this option with a description. */
  public ConfigOption<T> withDescription(String text) {
    return new ConfigOption<>(key, type, defaultValue, text, fallbackKeys, parser);
  }

  /** Returns a copy of this option that also reads the given keys. */
  public ConfigOption<T> withFallbackKeys(String... keys) {
    return new ConfigOption<>(key, type, defaultValue, description, List.of(keys), parser);
  }

  /** Parses a textual value; throws {@link IllegalArgumentException} naming the key on bad input. */
  public T parse(String text) {
    try {
      return parser.apply(text.trim());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "Could not parse value '" + text + "' for configuration key '" + key + "' (expected "
              + ConfigValues.describe(type) + "): " + e.getMessage(),
          e);
    }
  }

  @Override
  public String toString() {
    return key;
  }
}
