package io.strom.benchmarks.flink;

import static java.util.Objects.requireNonNull;

import io.strom.connector.nexmark.NexmarkConfig;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.connector.source.ScanTableSource;
import org.apache.flink.table.connector.source.SourceProvider;

/** Flink's planner view of a {@code nexmark} table: insert-only rows of Strom's Nexmark events. */
final class NexmarkFlinkTableSource implements ScanTableSource {
  private final NexmarkConfig config;

  NexmarkFlinkTableSource(NexmarkConfig config) {
    this.config = requireNonNull(config, "config");
  }

  @Override
  public ChangelogMode getChangelogMode() {
    return ChangelogMode.insertOnly();
  }

  @Override
  public ScanRuntimeProvider getScanRuntimeProvider(ScanContext context) {
    return SourceProvider.of(new NexmarkFlinkSource(config));
  }

  @Override
  public DynamicTableSource copy() {
    return new NexmarkFlinkTableSource(config);
  }

  @Override
  public String asSummaryString() {
    return "nexmark(events.num=" + config.eventCount() + ", seed=" + config.seed() + ")";
  }
}
