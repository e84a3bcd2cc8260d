package io.strom.configuration;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A mutable set of settings: textual values by key, read through typed {@link ConfigOption}s.
 *
 * <p>Not thread-safe; jobs receive their own copy.
 */
public final class Configuration implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final LinkedHashMap<String, String> values = new LinkedHashMap<>();

  public Configuration() {}

  public Configuration(Configuration other) {
    values.putAll(other.values);
  }

  public static Configuration fromMap(Map<String, String> map) {
    Configuration conf = new Configuration();
    conf.values.putAll(map);
    return conf;
  }

  /** Reads an option: its key, then its fallback keys, then its default. */
  public <T> T get(ConfigOption<T> option) {
    String raw = values.get(option.key());
    if (raw == null) {
      for (String fallback : option.fallbackKeys()) {
        raw = values.get(fallback);
        if (raw != null) {
          break;
        }
      }
    }
    return raw == null ? option.defaultValue() : option.parse(raw);
  }

  public boolean contains(ConfigOption<?> option) {
    if (values.containsKey(option.key())) {
      return true;
    }
    return option.fallbackKeys().stream().anyMatch(values::containsKey);
  }

  public <T> Configuration set(ConfigOption<T> option, T value) {
    values.put(option.key(), format(value));
    return this;
  }

  public Configuration setString(String key, String value) {
    values.put(key, value);
    return this;
  }

  public String getString(String key) {
    return values.get(key);
  }

  public Configuration remove(String key) {
    values.remove(key);
    return this;
  }

  /** Copies every setting of {@code other} into this one, replacing equal keys. */
  public Configuration addAll(Configuration other) {
    values.putAll(other.values);
    return this;
  }

  public Map<String, String> toMap() {
    return Collections.unmodifiableMap(values);
  }

  private static String format(Object value) {
    if (value instanceof Duration d) {
      return d.toMillis() + " ms";
    }
    if (value instanceof MemorySize m) {
      return Long.toString(m.bytes());
    }
    return String.valueOf(value);
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
