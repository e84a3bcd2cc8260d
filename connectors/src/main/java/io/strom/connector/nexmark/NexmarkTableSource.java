package io.strom.connector.nexmark;

import static java.util.Objects.requireNonNull;

import io.strom.connector.ChangelogMode;
import io.strom.connector.ScanTableSource;
import io.strom.data.Row;
import io.strom.runtime.source.Source;
import io.strom.types.RowType;

/** The planner's view of a {@code nexmark} table: insert-only rows of Nexmark's events. */
final class NexmarkTableSource implements ScanTableSource {
  private final RowType type;
  private final NexmarkConfig config;
  private final boolean maxEmitSpeed;

  NexmarkTableSource(RowType type, NexmarkConfig config, boolean maxEmitSpeed) {
    this.type = requireNonNull(type, "type");
    this.config = requireNonNull(config, "config");
    this.maxEmitSpeed = maxEmitSpeed;
  }

  @Override
  public ChangelogMode changelogMode() {
    return ChangelogMode.insertOnly();
  }

  @Override
  public boolean isBounded() {
    return config.isBounded();
  }

  @Override
  public RowType producedType() {
    return type;
  }

  @Override
  public Source<Row, ?> createRuntimeSource() {
    return new NexmarkSource(config, maxEmitSpeed);
  }

  @Override
  public String summary() {
    return "nexmark(first-event.rate=" + config.eventsPerSecond()
        + (config.isBounded() ? ", events.num=" + config.eventCount() : "")
        + ", seed=" + config.seed() + ")";
  }

  @Override
  public ScanTableSource copy() {
    return new NexmarkTableSource(type, config, maxEmitSpeed);
  }
}
