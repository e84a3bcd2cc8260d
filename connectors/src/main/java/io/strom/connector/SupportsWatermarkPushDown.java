package io.strom.connector;

import java.time.Duration;
import java.util.Optional;

/**
 * Ability of a {@link ScanTableSource} to have the table's watermark generated inside the source,
 * per split: the runtime source emits each split's records through its own split output (e.g. one
 * per Kafka partition), so each split gets its own watermark and its own idleness, and the source's
 * watermark is the minimum over the active splits. Without it, the planner generates one watermark
 * per source subtask after the scan.
 */
public interface SupportsWatermarkPushDown {

  /**
   * The table's own idle timeout ({@code scan.watermark.idle-timeout}), which takes precedence
   * over {@code table.exec.source.idle-timeout}; empty when the table does not set one.
   */
  Optional<Duration> idleTimeout();
}
