package io.strom.configuration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads the YAML configuration file into a flat {@link Configuration}.
 *
 * <p>Nested mappings are flattened into dotted keys, so {@code parallelism: {default: 4}} and
 * {@code parallelism.default: 4} mean the same thing, as in Flink's {@code config.yaml}.
 */
public final class ConfigurationLoader {
  /** Name of the configuration file inside the configuration directory. */
  public static final String FILE_NAME = "config.yaml";

  /** Environment variable naming the configuration directory. */
  public static final String CONF_DIR_ENV = "STROM_CONF_DIR";

  private ConfigurationLoader() {}

  /** Loads {@code config.yaml} from the given directory; a missing file gives an empty result. */
  public static Configuration loadFromDirectory(Path dir) {
    Path file = dir.resolve(FILE_NAME);
    if (!Files.exists(file)) {
      return new Configuration();
    }
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, file.toString());
    } catch (IOException e) {
      throw new IllegalArgumentException("Could not read configuration file " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Loads the configuration a launcher should use: the directory named by {@value #CONF_DIR_ENV}
   * if set, else the {@code config.yaml} on the classpath, else nothing.
   */
  public static Configuration loadDefault() {
    String dir = System.getenv(CONF_DIR_ENV);
    if (dir != null && !dir.isBlank()) {
      return loadFromDirectory(Path.of(dir));
    }
    try (InputStream in = ConfigurationLoader.class.getClassLoader().getResourceAsStream(FILE_NAME)) {
      return in == null ? new Configuration() : parse(in, "classpath:" + FILE_NAME);
    } catch (IOException e) {
      throw new IllegalArgumentException("Could not read " + FILE_NAME + " from the classpath", e);
    }
  }

  static Configuration parse(InputStream in, String origin) throws IOException {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(in);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "Configuration file " + origin + " is not valid YAML: " + e.getMessage(), e);
    }
    Configuration conf = new Configuration();
    if (root != null && !root.isMissingNode() && !root.isNull()) {
      if (!root.isObject()) {
        throw new IllegalArgumentException(
            "Configuration file " + origin + " must be a mapping of keys to values");
      }
      flatten("", root, conf);
    }
    return conf;
  }

  private static void flatten(String prefix, JsonNode node, Configuration into) {
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
      JsonNode value = field.getValue();
      if (value.isObject()) {
        flatten(key, value, into);
      } else if (value.isArray()) {
        StringBuilder joined = new StringBuilder();
        for (JsonNode element : value) {
          if (joined.length() > 0) {
            joined.append(';');
          }
          joined.append(element.asText());
        }
        into.setString(key, joined.toString());
      } else if (!value.isNull()) {
        into.setString(key, value.asText());
      }
    }
  }
}
