package io.strom.connector.filesystem;

import io.strom.connector.ConnectorException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Hive-style partition directories, as Flink writes and reads them: one {@code key=value} directory
 * per partition column, in the order of {@code PARTITIONED BY}, e.g. {@code dt=2024-01-01/hr=3}.
 * Keys and values are escaped so that any value makes one directory name: control characters and
 * {@code " # % ' * / : = ? \ DEL { [ ] ^} become {@code %XX} (two upper-case hex digits).
 */
final class PartitionPaths {
  private PartitionPaths() {}

  /** The ASCII characters a path name escapes. */
  private static final BitSet ESCAPED = new BitSet(128);

  static {
    for (char c = 0; c < ' '; c++) {
      ESCAPED.set(c);
    }
    for (char c : new char[] {'"', '#', '%', '\'', '*', '/', ':', '=', '?', '\\', '\u007F', '{', '[', ']', '^'}) {
      ESCAPED.set(c);
    }
  }

  /** {@code name} with every character a directory name must not hold written as {@code %XX}. */
  static String escape(String name) {
    if (name.isEmpty()) {
      throw new IllegalArgumentException("A partition path name cannot be empty");
    }
    StringBuilder out = new StringBuilder(name.length() + 8);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 128 && ESCAPED.get(c)) {
        out.append('%').append(String.format("%02X", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The inverse of {@link #escape}; a {@code %} not followed by two hex digits stays as it is. */
  static String unescape(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '%' && i + 2 < name.length() && hex(name.charAt(i + 1)) >= 0 && hex(name.charAt(i + 2)) >= 0) {
        out.append((char) (hex(name.charAt(i + 1)) * 16 + hex(name.charAt(i + 2))));
        i += 2;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static int hex(char c) {
    return Character.digit(c, 16);
  }

  /**
   * The relative directory of a partition, e.g. {@code dt=2024-01-01/hr=3}.
   *
   * @param keys the partition columns in order
   * @param values their values as path strings (the default partition name for NULL)
   */
  static String directory(List<String> keys, List<String> values) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < keys.size(); i++) {
      if (i > 0) {
        out.append('/');
      }
      out.append(escape(keys.get(i))).append('=').append(escape(values.get(i)));
    }
    return out.toString();
  }

  /**
   * The value of one directory level named {@code key=value} for partition column {@code key},
   * unescaped; null when the name is not of that form (the directory is not a partition).
   */
  static String valueIn(String directoryName, String key) {
    int eq = directoryName.indexOf('=');
    if (eq <= 0 || eq == directoryName.length() - 1) {
      return null;
    }
    return unescape(directoryName.substring(0, eq)).equals(key)
        ? unescape(directoryName.substring(eq + 1))
        : null;
  }

  /**
   * The values of a relative partition directory {@code k1=v1/k2=v2}, unescaped, in key order.
   *
   * @throws ConnectorException when the directory does not name exactly these keys in order
   */
  static List<String> parse(String directory, List<String> keys) {
    String[] levels = directory.split("/");
    if (levels.length != keys.size()) {
      throw notPartition(directory, keys);
    }
    List<String> values = new ArrayList<>();
    for (int i = 0; i < levels.length; i++) {
      String value = valueIn(levels[i], keys.get(i));
      if (value == null) {
        throw notPartition(directory, keys);
      }
      values.add(value);
    }
    return values;
  }

  private static ConnectorException notPartition(String directory, List<String> keys) {
    return new ConnectorException(
        "'" + directory + "' is not a partition directory of the partition keys " + keys
            + "; expected " + String.join("/", keys.stream().map(k -> k + "=<value>").toList()));
  }
}
