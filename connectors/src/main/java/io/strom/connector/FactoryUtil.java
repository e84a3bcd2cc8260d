package io.strom.connector;

import io.strom.util.Suggestions;
import static java.util.Objects.requireNonNull;

import io.strom.configuration.ConfigOption;
import io.strom.configuration.ConfigOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Finds connector and format {@link Factory}s and validates table options against what they
 * declare. Every problem is a {@link ConnectorException} with a message a person can act on.
 *
 * <p>The planner calls {@link #createTableSource} and {@link #createTableSink}; factories validate
 * their options with a {@link TableFactoryHelper} from {@link #helper}.
 */
public final class FactoryUtil {
  /** Selects the connector factory. */
  public static final ConfigOption<String> CONNECTOR =
      ConfigOptions.key("connector")
          .stringType()
          .noDefaultValue()
          .withDescription("The connector of the table, e.g. 'filesystem'.");

  /** Selects the format factory of connectors that read or write bytes. */
  public static final ConfigOption<String> FORMAT =
      ConfigOptions.key("format")
          .stringType()
          .noDefaultValue()
          .withDescription("The format of the table's records, e.g. 'csv' or 'json'.");

  /** The parallelism of a sink, for sinks that let the user choose it. */
  public static final ConfigOption<Integer> SINK_PARALLELISM =
      ConfigOptions.key("sink.parallelism")
          .intType()
          .noDefaultValue()
          .withDescription("The parallelism of the sink; by default that of its input.");

  /**
   * The idle timeout of one table's splits, for sources that generate watermarks per split ({@link
   * SupportsWatermarkPushDown}); as Flink's, it overrides {@code table.exec.source.idle-timeout}.
   */
  public static final ConfigOption<java.time.Duration> SCAN_WATERMARK_IDLE_TIMEOUT =
      ConfigOptions.key("scan.watermark.idle-timeout")
          .durationType()
          .noDefaultValue()
          .withDescription(
              "A split (e.g. a Kafka partition) without records for this long is idle and holds"
                  + " back no watermark until it has records again; 0 never marks splits idle."
                  + " Overrides table.exec.source.idle-timeout for this table.");

  private FactoryUtil() {}

  /** The source of the table whose options name a {@code 'connector'}. */
  public static ScanTableSource createTableSource(TableContext context) {
    String identifier = connectorOf(context);
    return discoverFactory(context.classLoader(), DynamicTableSourceFactory.class, identifier)
        .createSource(context);
  }

  /** The sink of the table whose options name a {@code 'connector'}. */
  public static TableSink createTableSink(TableContext context) {
    String identifier = connectorOf(context);
    return discoverFactory(context.classLoader(), DynamicTableSinkFactory.class, identifier)
        .createSink(context);
  }

  private static String connectorOf(TableContext context) {
    String identifier = context.options().get(CONNECTOR.key());
    if (identifier == null || identifier.isBlank()) {
      throw new ConnectorException(
          "Table '" + context.name() + "' has no 'connector' option; add e.g. 'connector' = '"
              + String.join("' or '", identifiers(context.classLoader(), true)) + "'.");
    }
    return identifier;
  }

  /**
   * The factory of {@code kind} with this identifier.
   *
   * @throws ConnectorException naming the available identifiers, and the closest one when the
   *     identifier looks misspelt
   */
  public static <T extends Factory> T discoverFactory(
      ClassLoader classLoader, Class<T> kind, String identifier) {
    List<Factory> all = loadFactories(classLoader);
    List<T> matches = new ArrayList<>();
    boolean otherKind = false;
    for (Factory factory : all) {
      if (factory.identifier().equals(identifier)) {
        if (kind.isInstance(factory)) {
          matches.add(kind.cast(factory));
        } else {
          otherKind = true;
        }
      }
    }
    if (matches.size() == 1) {
      return matches.get(0);
    }
    boolean connector = isConnectorKind(kind);
    String option = connector ? "connector" : "format";
    if (matches.size() > 1) {
      throw new ConnectorException(
          "Several factories claim '" + option + "' = '" + identifier + "': "
              + matches.stream().map(f -> f.getClass().getName()).collect(Collectors.joining(", "))
              + ". Remove all but one from the class path.");
    }
    if (otherKind) {
      throw new ConnectorException(
          "The " + option + " '" + identifier + "' cannot be used as a " + roleOf(kind)
              + ". Available for this use: "
              + String.join(", ", identifiers(all, kind)) + ".");
    }
    Set<String> available = connector ? identifiers(classLoader, true) : identifiers(classLoader, false);
    String hint =
        Suggestions.closest(identifier, available).map(s -> " Did you mean '" + s + "'?").orElse("");
    throw new ConnectorException(
        "Could not find any factory for '" + option + "' = '" + identifier + "'. Available: "
            + String.join(", ", available) + "." + hint);
  }

  /** The identifiers of all connector factories (sources and sinks), or of all format factories. */
  static Set<String> identifiers(ClassLoader classLoader, boolean connectors) {
    Set<String> result = new TreeSet<>();
    for (Factory factory : loadFactories(classLoader)) {
      boolean isConnector =
          factory instanceof DynamicTableSourceFactory || factory instanceof DynamicTableSinkFactory;
      boolean isFormat =
          factory instanceof DecodingFormatFactory || factory instanceof EncodingFormatFactory;
      if (connectors ? isConnector : isFormat) {
        result.add(factory.identifier());
      }
    }
    return result;
  }

  private static Set<String> identifiers(List<Factory> factories, Class<?> kind) {
    return factories.stream()
        .filter(kind::isInstance)
        .map(Factory::identifier)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static boolean isConnectorKind(Class<?> kind) {
    return DynamicTableSourceFactory.class.isAssignableFrom(kind)
        || DynamicTableSinkFactory.class.isAssignableFrom(kind);
  }

  private static String roleOf(Class<?> kind) {
    if (DynamicTableSourceFactory.class.isAssignableFrom(kind)) {
      return "source";
    }
    if (DynamicTableSinkFactory.class.isAssignableFrom(kind)) {
      return "sink";
    }
    if (DecodingFormatFactory.class.isAssignableFrom(kind)) {
      return "decoding format (for reading)";
    }
    return "encoding format (for writing)";
  }

  private static List<Factory> loadFactories(ClassLoader classLoader) {
    List<Factory> factories = new ArrayList<>();
    try {
      for (Factory factory : ServiceLoader.load(Factory.class, classLoader)) {
        factories.add(factory);
      }
    } catch (ServiceConfigurationError e) {
      throw new ConnectorException(
          "Could not load table factories from the class path: " + e.getMessage(), e);
    }
    return factories;
  }

  /** A helper that validates the options of {@code factory}'s table and discovers its formats. */
  public static TableFactoryHelper helper(Factory factory, TableContext context) {
    return new TableFactoryHelper(factory, context);
  }

  /**
   * Validates the options of one table for its connector factory and the formats it uses.
   * Discover formats first, then call {@link #validate()} (or {@link #validateExcept}).
   */
  public static final class TableFactoryHelper {
    private final Factory factory;
    private final TableContext context;
    private final ReadableOptions options;
    private final Map<String, Factory> formats = new LinkedHashMap<>();

    private TableFactoryHelper(Factory factory, TableContext context) {
      this.factory = requireNonNull(factory, "factory");
      this.context = requireNonNull(context, "context");
      this.options =
          new ReadableOptions(context.options(), "connector '" + factory.identifier() + "'", "");
    }

    /** The table's options, read through the connector's option constants. */
    public ReadableOptions options() {
      return options;
    }

    /** The decoding format named by {@code formatOption}; its options become valid keys. */
    public DecodingFormatFactory discoverDecodingFormat(ConfigOption<String> formatOption) {
      return discoverFormat(DecodingFormatFactory.class, formatOption);
    }

    /** The encoding format named by {@code formatOption}; its options become valid keys. */
    public EncodingFormatFactory discoverEncodingFormat(ConfigOption<String> formatOption) {
      return discoverFormat(EncodingFormatFactory.class, formatOption);
    }

    /**
     * The decoding format named by {@code formatOption}, whose options are written with {@code
     * optionPrefix} in front of the format's own prefix, e.g. {@code key.} for {@code
     * key.json.ignore-parse-errors}; its options become valid keys.
     */
    public DecodingFormatFactory discoverDecodingFormat(
        ConfigOption<String> formatOption, String optionPrefix) {
      return discoverFormat(DecodingFormatFactory.class, formatOption, optionPrefix);
    }

    /** Like {@link #discoverDecodingFormat(ConfigOption, String)}, for writing. */
    public EncodingFormatFactory discoverEncodingFormat(
        ConfigOption<String> formatOption, String optionPrefix) {
      return discoverFormat(EncodingFormatFactory.class, formatOption, optionPrefix);
    }

    private <T extends Factory> T discoverFormat(Class<T> kind, ConfigOption<String> formatOption) {
      return discoverFormat(kind, formatOption, "");
    }

    private <T extends Factory> T discoverFormat(
        Class<T> kind, ConfigOption<String> formatOption, String optionPrefix) {
      String identifier = options.get(formatOption);
      if (identifier == null) {
        checkRequired(factory, "", "connector '" + factory.identifier() + "'");
        throw missing(List.of(formatOption.key()), "connector '" + factory.identifier() + "'");
      }
      T format = discoverFactory(context.classLoader(), kind, identifier);
      formats.put(optionPrefix + identifier + ".", format);
      return format;
    }

    /** The options of a discovered format, without its {@code <format>.} prefix. */
    public ReadableOptions formatOptions(Factory format) {
      return formatOptions(format, "");
    }

    /** The options of a format discovered with {@code optionPrefix}, without any prefix. */
    public ReadableOptions formatOptions(Factory format, String optionPrefix) {
      return options.withPrefix(
          optionPrefix + format.identifier() + ".", "format '" + format.identifier() + "'");
    }

    /** Checks required options, unknown keys and values of the connector and its formats. */
    public void validate() {
      validateExcept();
    }

    /**
     * Like {@link #validate()}, but leaves keys starting with one of {@code prefixes} to the
     * factory, e.g. datagen's {@code fields.} keys.
     */
    public void validateExcept(String... prefixes) {
      checkRequired(factory, "", "connector '" + factory.identifier() + "'");
      formats.forEach((prefix, f) -> checkRequired(f, prefix, "format '" + f.identifier() + "'"));
      checkUnknownKeys(prefixes);
      checkValues(factory, "");
      formats.forEach((prefix, f) -> checkValues(f, prefix));
    }

    private void checkRequired(Factory f, String prefix, String owner) {
      List<String> missing = new ArrayList<>();
      for (ConfigOption<?> option : f.requiredOptions()) {
        if (!isSet(prefix, option)) {
          missing.add(prefix + option.key());
        }
      }
      if (!missing.isEmpty()) {
        throw missing(missing, owner);
      }
    }

    private static ConnectorException missing(List<String> keys, String owner) {
      return new ConnectorException(
          "Missing required options for " + owner + ": " + String.join(", ", keys) + ".");
    }

    private boolean isSet(String prefix, ConfigOption<?> option) {
      if (context.options().containsKey(prefix + option.key())) {
        return true;
      }
      return option.fallbackKeys().stream().anyMatch(k -> context.options().containsKey(prefix + k));
    }

    private void checkUnknownKeys(String[] exceptPrefixes) {
      Set<String> supported = supportedKeys();
      List<String> unknown = new ArrayList<>();
      for (String key : new TreeSet<>(context.options().keySet())) {
        if (!supported.contains(key) && !startsWithAny(key, exceptPrefixes)) {
          unknown.add(key);
        }
      }
      if (unknown.isEmpty()) {
        return;
      }
      String owner = "connector '" + factory.identifier() + "'";
      if (!formats.isEmpty()) {
        owner += " with format '"
            + formats.values().stream().map(Factory::identifier).distinct()
                .collect(Collectors.joining("', '"))
            + "'";
      }
      String supportedList = "Supported options: " + String.join(", ", displayedKeys()) + ".";
      if (unknown.size() == 1) {
        String key = unknown.get(0);
        String hint =
            Suggestions.closest(key, supported).map(s -> " Did you mean '" + s + "'?").orElse("");
        throw new ConnectorException(
            "Unsupported option '" + key + "' for " + owner + "." + hint + " " + supportedList);
      }
      String listed = unknown.stream()
          .map(key -> "'" + key + "'"
              + Suggestions.closest(key, supported).map(s -> " (did you mean '" + s + "'?)").orElse(""))
          .collect(Collectors.joining(", "));
      throw new ConnectorException(
          "Unsupported options for " + owner + ": " + listed + ". " + supportedList);
    }

    private Set<String> supportedKeys() {
      Set<String> keys = new TreeSet<>();
      keys.add(CONNECTOR.key());
      addKeys(keys, factory, "");
      formats.forEach((prefix, f) -> addKeys(keys, f, prefix));
      return keys;
    }

    /** The supported keys as listed to people, including templates such as {@code fields.#.kind}. */
    private Set<String> displayedKeys() {
      Set<String> keys = new TreeSet<>(supportedKeys());
      for (ConfigOption<?> option : factory.optionalOptions()) {
        keys.add(option.key());
      }
      return keys;
    }

    private static void addKeys(Set<String> keys, Factory f, String prefix) {
      for (ConfigOption<?> option : allOptions(f)) {
        if (option.key().contains("#")) {
          continue; // a template for dynamic keys, which the factory validates itself
        }
        keys.add(prefix + option.key());
        option.fallbackKeys().forEach(k -> keys.add(prefix + k));
      }
    }

    private void checkValues(Factory f, String prefix) {
      ReadableOptions scoped =
          prefix.isEmpty() ? options : options.withPrefix(prefix, "format '" + f.identifier() + "'");
      for (ConfigOption<?> option : allOptions(f)) {
        if (!option.key().contains("#")) {
          scoped.getOptional(option);
        }
      }
    }

    private static List<ConfigOption<?>> allOptions(Factory f) {
      List<ConfigOption<?>> all = new ArrayList<>(f.requiredOptions());
      all.addAll(f.optionalOptions());
      return all;
    }

    private static boolean startsWithAny(String key, String[] prefixes) {
      for (String prefix : prefixes) {
        if (key.startsWith(prefix)) {
          return true;
        }
      }
      return false;
    }
  }
}
