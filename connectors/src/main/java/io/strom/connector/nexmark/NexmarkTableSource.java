package io.strom.connector.nexmark;

import static java.util.Objects.requireNonNull;

import io.strom.connector.ChangelogMode;
import io.strom.connector.ScanTableSource;
import io.strom.connector.SupportsFilterPushDown;
import io.strom.connector.SupportsNestedFieldPruning;
import io.strom.connector.expressions.ResolvedExpression;
import io.strom.data.Row;
import io.strom.runtime.source.Source;
import io.strom.types.RowType;
import java.util.List;
import java.util.Map;

/**
 * The planner's view of a {@code nexmark} table: insert-only rows of Nexmark's events, of the
 * kinds that pushed filters on {@code event_type} leave.
 */
final class NexmarkTableSource
    implements ScanTableSource, SupportsFilterPushDown, SupportsNestedFieldPruning {
  private final RowType type;
  private final NexmarkConfig config;
  private final boolean maxEmitSpeed;
  private EventKindFilter kinds;
  private NexmarkFields fields;

  NexmarkTableSource(RowType type, NexmarkConfig config, boolean maxEmitSpeed) {
    this(type, config, maxEmitSpeed, EventKindFilter.ALL, NexmarkFields.ALL);
  }

  private NexmarkTableSource(RowType type, NexmarkConfig config, boolean maxEmitSpeed,
      EventKindFilter kinds, NexmarkFields fields) {
    this.type = requireNonNull(type, "type");
    this.config = requireNonNull(config, "config");
    this.maxEmitSpeed = maxEmitSpeed;
    this.kinds = requireNonNull(kinds, "kinds");
    this.fields = requireNonNull(fields, "fields");
  }

  @Override
  public void applyNestedFieldsRead(Map<Integer, int[]> readFields) {
    fields = NexmarkFields.of(readFields);
  }

  @Override
  public Result applyFilters(List<ResolvedExpression> filters) {
    EventKindFilter.Narrowed narrowed =
        EventKindFilter.narrow(kinds, filters, NexmarkGenerator.EVENT_TYPE);
    kinds = narrowed.kinds();
    return narrowed.result();
  }

  /** Events come in event-time order per split, so no row is late whichever are skipped. */
  @Override
  public boolean acceptsFiltersBelowWatermark() {
    return true;
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
    return new NexmarkSource(config, maxEmitSpeed, kinds, fields);
  }

  @Override
  public String summary() {
    return "nexmark(first-event.rate=" + config.eventsPerSecond()
        + (config.isBounded() ? ", events.num=" + config.eventCount() : "")
        + ", seed=" + config.seed() + ")";
  }

  @Override
  public ScanTableSource copy() {
    return new NexmarkTableSource(type, config, maxEmitSpeed, kinds, fields);
  }
}
