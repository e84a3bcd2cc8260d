package io.strom.table.api;

import io.strom.configuration.Configuration;

/**
 * How a {@link TableEnvironment} is set up: streaming mode (the only mode; bounded tables run as
 * streams that end) and settings layered over the configuration file's.
 */
public final class EnvironmentSettings {
  private final Configuration configuration;

  private EnvironmentSettings(Configuration configuration) {
    this.configuration = configuration;
  }

  public static EnvironmentSettings inStreamingMode() {
    return newInstance().inStreamingMode().build();
  }

  public static Builder newInstance() {
    return new Builder();
  }

  /** The settings that override the configuration file's. */
  public Configuration getConfiguration() {
    return new Configuration(configuration);
  }

  /** Builds settings: {@code newInstance().inStreamingMode().withConfiguration(conf).build()}. */
  public static final class Builder {
    private final Configuration configuration = new Configuration();

    private Builder() {}

    public Builder inStreamingMode() {
      return this;
    }

    /**
     * Batch mode is not built: bounded tables run in streaming mode, which gives the same final
     * results, so this is refused rather than silently ignored.
     */
    public Builder inBatchMode() {
      throw new UnsupportedOperationException(
          "Batch mode is not supported; use inStreamingMode(): queries over bounded tables run as"
              + " streams that end, with the same final results");
    }

    /** Settings that override the configuration file's, e.g. parallelism or state TTL. */
    public Builder withConfiguration(Configuration settings) {
      configuration.addAll(settings);
      return this;
    }

    public EnvironmentSettings build() {
      return new EnvironmentSettings(new Configuration(configuration));
    }
  }
}
