package io.strom.configuration;

import io.strom.util.StorageLocations;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * Builder for {@link ConfigOption}s.
 *
 * <pre>{@code
 * ConfigOption<Integer> PARALLELISM =
 *     ConfigOptions.key("parallelism.default").intType().defaultValue(1)
 *         .withDescription("Parallelism of operators that do not set their own.");
 * }</pre>
 */
public final class ConfigOptions {
  private ConfigOptions() {}

  public static KeyBuilder key(String key) {
    return new KeyBuilder(key);
  }

  /** Chooses the type of an option. */
  public static final class KeyBuilder {
    private final String key;

    private KeyBuilder(String key) {
      this.key = key;
    }

    public TypedBuilder<Integer> intType() {
      return new TypedBuilder<>(key, Integer.class, ConfigValues::parseInt);
    }

    public TypedBuilder<Long> longType() {
      return new TypedBuilder<>(key, Long.class, ConfigValues::parseLong);
    }

    public TypedBuilder<Double> doubleType() {
      return new TypedBuilder<>(key, Double.class, Double::parseDouble);
    }

    public TypedBuilder<Boolean> booleanType() {
      return new TypedBuilder<>(key, Boolean.class, ConfigValues::parseBoolean);
    }

    public TypedBuilder<String> stringType() {
      return new TypedBuilder<>(key, String.class, Function.identity());
    }

    /**
     * Where state is kept: a local path or a URI of an installed file system (see {@link
     * StorageLocations}); checked when set, kept as text.
     */
    public TypedBuilder<String> locationType() {
      return new TypedBuilder<>(key, URI.class, StorageLocations::check);
    }

    public TypedBuilder<Duration> durationType() {
      return new TypedBuilder<>(key, Duration.class, ConfigValues::parseDuration);
    }

    public TypedBuilder<MemorySize> memoryType() {
      return new TypedBuilder<>(key, MemorySize.class, MemorySize::parse);
    }

    public <E extends Enum<E>> TypedBuilder<E> enumType(Class<E> type) {
      return new TypedBuilder<>(key, type, text -> ConfigValues.parseEnum(type, text));
    }
  }

  /** Sets the default of a typed option. */
  public static final class TypedBuilder<T> {
    private final String key;
    /** The type a value is written as: usually {@code T}; {@link URI} for a location's text. */
    private final Class<?> type;
    private final Function<String, T> parser;

    private TypedBuilder(String key, Class<?> type, Function<String, T> parser) {
      this.key = key;
      this.type = type;
      this.parser = parser;
    }

    public ConfigOption<T> defaultValue(T value) {
      return new ConfigOption<>(key, type, value, "", List.of(), parser);
    }

    public ConfigOption<T> noDefaultValue() {
      return new ConfigOption<>(key, type, null, "", List.of(), parser);
    }
  }
}
