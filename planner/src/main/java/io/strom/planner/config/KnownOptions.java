package io.strom.planner.config;

import io.strom.configuration.CheckpointingOptions;
import io.strom.configuration.ConfigOption;
import io.strom.configuration.PipelineOptions;
import io.strom.configuration.RestartStrategyOptions;
import io.strom.configuration.StateBackendOptions;
import io.strom.configuration.TaskManagerOptions;
import io.strom.runtime.cluster.ClusterOptions;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The configuration options Strom knows, by key: {@code SET} checks values against them, and the
 * shell can complete them. Options are gathered from the classes that declare them as constants.
 */
public final class KnownOptions {
  private final Map<String, ConfigOption<?>> byKey = new TreeMap<>();

  private KnownOptions(Collection<Class<?>> holders) {
    for (Class<?> holder : holders) {
      for (Field field : holder.getFields()) {
        if (Modifier.isStatic(field.getModifiers()) && field.getType() == ConfigOption.class) {
          try {
            ConfigOption<?> option = (ConfigOption<?>) field.get(null);
            byKey.put(option.key(), option);
          } catch (IllegalAccessException e) {
            throw new IllegalStateException("Bug: option constant " + field + " is not readable", e);
          }
        }
      }
    }
  }

  /** The options of the runtime and of SQL execution, plus those declared in {@code more}. */
  public static KnownOptions of(Class<?>... more) {
    List<Class<?>> holders =
        new java.util.ArrayList<>(
            List.of(
                PipelineOptions.class,
                CheckpointingOptions.class,
                RestartStrategyOptions.class,
                StateBackendOptions.class,
                TaskManagerOptions.class,
                ClusterOptions.class,
                TableConfigOptions.class));
    holders.addAll(List.of(more));
    return new KnownOptions(holders);
  }

  public Optional<ConfigOption<?>> get(String key) {
    return Optional.ofNullable(byKey.get(key));
  }

  public Collection<ConfigOption<?>> all() {
    return byKey.values();
  }
}
