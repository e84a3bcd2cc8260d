package io.strom.connector.kafka;

import static java.util.Objects.requireNonNull;

import io.strom.connector.ChangelogMode;
import io.strom.connector.ScanTableSource;
import io.strom.connector.SupportsReadingMetadata;
import io.strom.connector.SupportsWatermarkPushDown;
import io.strom.data.Row;
import io.strom.runtime.source.Source;
import io.strom.types.LogicalType;
import io.strom.types.RowType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A scan of an {@code upsert-kafka} table: each record is an upsert of its key's row, a tombstone
 * the key's deletion. It takes no projection, because the planner's normalization after the scan
 * needs every primary key column at its physical position.
 */
final class UpsertKafkaTableSource
    implements ScanTableSource, SupportsReadingMetadata, SupportsWatermarkPushDown {
  private final KafkaTableSource scan;

  /** @param scan a scan built with {@code upsert} set */
  UpsertKafkaTableSource(KafkaTableSource scan) {
    this.scan = requireNonNull(scan, "scan");
  }

  @Override
  public ChangelogMode changelogMode() {
    return ChangelogMode.upsert();
  }

  @Override
  public boolean isBounded() {
    return scan.isBounded();
  }

  @Override
  public RowType producedType() {
    return scan.producedType();
  }

  @Override
  public Source<Row, ?> createRuntimeSource() {
    return scan.createRuntimeSource();
  }

  @Override
  public Optional<Duration> idleTimeout() {
    return scan.idleTimeout();
  }

  @Override
  public Map<String, LogicalType> listReadableMetadata() {
    return scan.listReadableMetadata();
  }

  @Override
  public void applyReadableMetadata(List<String> keys) {
    scan.applyReadableMetadata(keys);
  }

  @Override
  public String summary() {
    return scan.summary();
  }

  @Override
  public UpsertKafkaTableSource copy() {
    return new UpsertKafkaTableSource(scan.copy());
  }
}
