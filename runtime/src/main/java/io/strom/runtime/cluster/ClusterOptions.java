package io.strom.runtime.cluster;

import io.strom.configuration.ConfigOption;
import io.strom.configuration.ConfigOptions;

/** Options of the embedded mini-cluster. */
public final class ClusterOptions {
  private ClusterOptions() {}

  public static final ConfigOption<Integer> NUM_TASK_MANAGERS =
      ConfigOptions.key("minicluster.number-of-taskmanagers")
          .intType()
          .defaultValue(1)
          .withDescription("Task managers the embedded cluster starts.");
}
