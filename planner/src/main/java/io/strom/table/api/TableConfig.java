package io.strom.table.api;

import io.strom.configuration.ConfigOption;
import io.strom.configuration.Configuration;

/**
 * The settings of a {@link TableEnvironment}, as SQL's {@code SET} changes them: a change applies
 * to jobs submitted afterwards.
 */
public final class TableConfig {
  private final TableEnvironment env;

  TableConfig(TableEnvironment env) {
    this.env = env;
  }

  /** Sets an option by key, checked as {@code SET 'key' = 'value'} checks it. */
  public TableConfig set(String key, String value) {
    env.executeSql("SET " + SqlText.string(key) + " = " + SqlText.string(value));
    return this;
  }

  public <T> TableConfig set(ConfigOption<T> option, T value) {
    String text = value instanceof java.time.Duration d ? d.toMillis() + " ms" : String.valueOf(value);
    return set(option.key(), text);
  }

  public <T> T get(ConfigOption<T> option) {
    return env.session().settings().get(option);
  }

  /** A copy of the current settings. */
  public Configuration getConfiguration() {
    return new Configuration(env.session().settings());
  }
}
