package io.strom.planner.config;

import io.strom.configuration.ConfigOption;
import io.strom.configuration.ConfigOptions;
import io.strom.runtime.sql.SqlRuntimeOptions;
import java.time.Duration;

/** Settings of SQL execution, with Flink's keys and defaults. */
public final class TableConfigOptions {
  private TableConfigOptions() {}

  /** Declared with the runtime, which reads it. */
  public static final ConfigOption<String> LOCAL_TIME_ZONE = SqlRuntimeOptions.LOCAL_TIME_ZONE;

  /** Declared with the runtime, which reads it. */
  public static final ConfigOption<SqlRuntimeOptions.NotNullEnforcer> SINK_NOT_NULL_ENFORCER =
      SqlRuntimeOptions.SINK_NOT_NULL_ENFORCER;

  public static final ConfigOption<Duration> STATE_TTL =
      ConfigOptions.key("table.exec.state.ttl")
          .durationType()
          .defaultValue(Duration.ZERO)
          .withDescription(
              "How long state of an idle key is kept by stateful operators; 0 keeps it forever."
                  + " Stateful SQL operators arrive with aggregations and joins.");

  public static final ConfigOption<Duration> SOURCE_IDLE_TIMEOUT =
      ConfigOptions.key("table.exec.source.idle-timeout")
          .durationType()
          .defaultValue(Duration.ZERO)
          .withDescription(
              "A source split without records for this long is idle and holds back no watermark;"
                  + " 0 never marks splits idle.");

  public static final ConfigOption<Boolean> REUSE_SUB_PLAN_ENABLED =
      ConfigOptions.key("table.optimizer.reuse-sub-plan-enabled")
          .booleanType()
          .defaultValue(true)
          .withDescription(
              "Whether identical parts of a job's plans (the same subquery read twice, or by"
                  + " several inserts of a statement set) run once and feed every consumer.");

  public static final ConfigOption<Boolean> REUSE_SOURCE_ENABLED =
      ConfigOptions.key("table.optimizer.reuse-source-enabled")
          .booleanType()
          .defaultValue(true)
          .withDescription(
              "Whether identical table scans (and the plans over them) are read once and feed"
                  + " every consumer. Takes effect only when '"
                  + "table.optimizer.reuse-sub-plan-enabled' is true.");

  public static final ConfigOption<Boolean> MINI_BATCH_ENABLED =
      ConfigOptions.key("table.exec.mini-batch.enabled")
          .booleanType()
          .defaultValue(false)
          .withDescription(
              "Whether group aggregations buffer their input and apply it per key once per batch:"
                  + " fewer state accesses and fewer intermediate updates, at the cost of latency."
                  + " Needs 'table.exec.mini-batch.allow-latency' and 'table.exec.mini-batch.size'.");

  public static final ConfigOption<Duration> MINI_BATCH_ALLOW_LATENCY =
      ConfigOptions.key("table.exec.mini-batch.allow-latency")
          .durationType()
          .defaultValue(Duration.ZERO)
          .withDescription(
              "How long a mini-batch buffers rows at most before it is applied; must be greater"
                  + " than zero when mini-batch is enabled.");

  public static final ConfigOption<Long> MINI_BATCH_SIZE =
      ConfigOptions.key("table.exec.mini-batch.size")
          .longType()
          .defaultValue(-1L)
          .withDescription(
              "How many rows a mini-batch buffers at most before it is applied; must be positive"
                  + " when mini-batch is enabled.");

  /** Whether an insert into an upsert sink materializes its changes per sink key, as Flink's. */
  public enum UpsertMaterialize {
    /** Never: the query's changes reach the sink as they are, even when rows may share a key. */
    NONE,
    /** When the query's upsert keys do not show that each sink key gets one row at most. */
    AUTO,
    /** Always, for a query that updates a table with a primary key whose sink takes updates. */
    FORCE
  }

  public static final ConfigOption<UpsertMaterialize> SINK_UPSERT_MATERIALIZE =
      ConfigOptions.key("table.exec.sink.upsert-materialize")
          .enumType(UpsertMaterialize.class)
          .defaultValue(UpsertMaterialize.AUTO)
          .withDescription(
              "NONE, AUTO or FORCE: whether the changes of an updating query into a table with a"
                  + " primary key go through a materializer keyed by that key first, which keeps"
                  + " every row per key so that an update or delete of one does not overwrite or"
                  + " remove another. AUTO adds it only when the query's upsert keys do not lie"
                  + " within the table's key.");

  /** How group aggregations are split into phases, as Flink's {@code AggregatePhaseStrategy}. */
  public enum AggPhaseStrategy {
    /** Two phases when mini-batch is on and every aggregate function can merge, else one. */
    AUTO,
    /** Always one aggregation after the exchange. */
    ONE_PHASE,
    /** A local aggregation before the exchange and a global one after, where possible. */
    TWO_PHASE
  }

  public static final ConfigOption<AggPhaseStrategy> AGG_PHASE_STRATEGY =
      ConfigOptions.key("table.optimizer.agg-phase-strategy")
          .enumType(AggPhaseStrategy.class)
          .defaultValue(AggPhaseStrategy.AUTO)
          .withDescription(
              "AUTO, ONE_PHASE or TWO_PHASE: whether a group aggregation pre-aggregates each"
                  + " mini-batch before the exchange (local) and merges the partial results after it"
                  + " (global). Two phases need mini-batch and functions that merge.");

  public static final ConfigOption<Boolean> DISTINCT_AGG_SPLIT_ENABLED =
      ConfigOptions.key("table.optimizer.distinct-agg.split.enabled")
          .booleanType()
          .defaultValue(false)
          .withDescription(
              "Whether a group aggregation with COUNT(DISTINCT x) or SUM(DISTINCT x) is split in two:"
                  + " first grouped by the keys and a bucket of x, then summed by the keys, which"
                  + " spreads a hot key's distinct values over subtasks.");

  public static final ConfigOption<Integer> DISTINCT_AGG_SPLIT_BUCKET_NUM =
      ConfigOptions.key("table.optimizer.distinct-agg.split.bucket-num")
          .intType()
          .defaultValue(1024)
          .withDescription("The number of buckets a split distinct aggregation spreads values over.");
}
