package io.strom.connector;

import static java.util.Objects.requireNonNull;

import io.strom.configuration.ConfigOption;
import io.strom.configuration.MemorySize;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Typed reads of a table's options (or a format's, without the format prefix) through {@link
 * ConfigOption}s. A value that does not parse is a {@link ConnectorException} naming the key as the
 * user wrote it and the form expected. Immutable.
 */
public final class ReadableOptions {
  private final Map<String, String> options;
  private final String owner;
  private final String keyPrefix;

  /**
   * @param options the options
   * @param owner who the options belong to, for messages, e.g. {@code connector 'datagen'}
   * @param keyPrefix the prefix the user wrote before each key, e.g. {@code csv.}, or empty
   */
  public ReadableOptions(Map<String, String> options, String owner, String keyPrefix) {
    this.options = Map.copyOf(requireNonNull(options, "options"));
    this.owner = requireNonNull(owner, "owner");
    this.keyPrefix = requireNonNull(keyPrefix, "keyPrefix");
  }

  /** Options read in tests and tools, reported as belonging to {@code owner}. */
  public static ReadableOptions of(Map<String, String> options, String owner) {
    return new ReadableOptions(options, owner, "");
  }

  /** The value of {@code option}, its default when it is not set (null when it has none). */
  public <T> T get(ConfigOption<T> option) {
    String raw = raw(option);
    return raw == null ? option.defaultValue() : parse(option, raw);
  }

  /** The value of {@code option} when it is set. */
  public <T> Optional<T> getOptional(ConfigOption<T> option) {
    String raw = raw(option);
    return raw == null ? Optional.empty() : Optional.of(parse(option, raw));
  }

  /**
   * The value at {@code key}, parsed as {@code template} parses (for keys built at runtime, such as
   * {@code fields.id.kind} from {@code fields.#.kind}); the template's default when not set.
   */
  public <T> T get(ConfigOption<T> template, String key) {
    String raw = options.get(key);
    if (raw == null) {
      return template.defaultValue();
    }
    try {
      return template.parse(raw);
    } catch (IllegalArgumentException e) {
      throw invalidValue(key, raw, describe(template.type()));
    }
  }

  public boolean contains(ConfigOption<?> option) {
    return raw(option) != null;
  }

  /** The raw text of a key, or null. */
  public String getString(String key) {
    return options.get(key);
  }

  /** The options under {@code prefix}, with the prefix removed; keys report with it. */
  public ReadableOptions withPrefix(String prefix, String newOwner) {
    Map<String, String> sub = new TreeMap<>();
    options.forEach((k, v) -> {
      if (k.startsWith(prefix)) {
        sub.put(k.substring(prefix.length()), v);
      }
    });
    return new ReadableOptions(sub, newOwner, keyPrefix + prefix);
  }

  public Map<String, String> toMap() {
    return options;
  }

  /** The key as the user wrote it, with any prefix this view removed. */
  public String userKey(String key) {
    return keyPrefix + key;
  }

  /** Who these options belong to, e.g. {@code connector 'datagen'}. */
  public String owner() {
    return owner;
  }

  /** An error about the value of {@code key}, in the common form. */
  public ConnectorException invalidValue(String key, String value, String expected) {
    return new ConnectorException(
        "Invalid value '" + value + "' for option '" + userKey(key) + "' of " + owner
            + ": expected " + expected + ".");
  }

  private String raw(ConfigOption<?> option) {
    String raw = options.get(option.key());
    if (raw == null) {
      for (String fallback : option.fallbackKeys()) {
        raw = options.get(fallback);
        if (raw != null) {
          break;
        }
      }
    }
    return raw;
  }

  private <T> T parse(ConfigOption<T> option, String raw) {
    try {
      return option.parse(raw);
    } catch (IllegalArgumentException e) {
      throw invalidValue(option.key(), raw, describe(option.type()));
    }
  }

  /** How a value of {@code type} is written, for messages; enum constants print as their toString. */
  static String describe(Class<?> type) {
    if (type == Integer.class || type == Long.class) {
      return "a whole number";
    }
    if (type == Double.class || type == Float.class) {
      return "a number";
    }
    if (type == Boolean.class) {
      return "'true' or 'false'";
    }
    if (type == Duration.class) {
      return "a duration such as '500 ms', '10 s' or '1 h'";
    }
    if (type == MemorySize.class) {
      return "a memory size such as '32 kb' or '64 mb'";
    }
    if (type.isEnum()) {
      return "one of "
          + Arrays.stream(type.getEnumConstants())
              .map(c -> "'" + c + "'")
              .collect(Collectors.joining(", "));
    }
    return "a " + type.getSimpleName();
  }

  @Override
  public String toString() {
    return owner + " " + options;
  }
}
