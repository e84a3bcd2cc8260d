package io.strom.datastream;

import static io.strom.datastream.RecoveryTestJob.FAILURES;
import static io.strom.datastream.RecoveryTestJob.KEYS;
import static io.strom.datastream.RecoveryTestJob.RECORDS;
import static io.strom.datastream.RecoveryTestJob.await;
import static io.strom.datastream.RecoveryTestJob.expectedSums;
import static io.strom.datastream.RecoveryTestJob.lastPerKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.strom.api.eventtime.WatermarkStrategy;
import io.strom.api.functions.KeySelector;
import io.strom.api.typeinfo.Types;
import io.strom.configuration.CheckpointingOptions;
import io.strom.configuration.Configuration;
import io.strom.configuration.PipelineOptions;
import io.strom.configuration.RestartStrategyOptions;
import io.strom.data.BinaryRow;
import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.data.RowKind;
import io.strom.data.StringData;
import io.strom.datastream.RecoveryTestJob.Chaos;
import io.strom.datastream.sink.CollectSink;
import io.strom.runtime.cluster.JobExecutionResult;
import io.strom.runtime.sql.agg.CountSumHandlerSource;
import io.strom.runtime.sql.agg.MiniBatch;
import io.strom.runtime.sql.agg.MiniBatchGroupAggOperator;
import io.strom.runtime.source.lib.GeneratorSource;
import io.strom.serde.RowSerializer;
import io.strom.types.DataTypes;
import io.strom.types.RowType;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mini-batch group aggregation whose batches are rarely full and never due by time, so every
 * checkpoint barrier finds rows buffered: tasks killed after checkpoints restore with the same
 * counts and sums per key as a run without failures — the batch reached state and downstream
 * before each barrier, nothing buffered was lost or counted twice.
 */
class MiniBatchAggRecoveryTest {
  private static final RowType INPUT = DataTypes.ROW(
      DataTypes.FIELD("k", DataTypes.STRING()), DataTypes.FIELD("v", DataTypes.BIGINT()));
  private static final RowType OUTPUT = DataTypes.ROW(
      DataTypes.FIELD("k", DataTypes.STRING()),
      DataTypes.FIELD("count", DataTypes.BIGINT()),
      DataTypes.FIELD("sum", DataTypes.BIGINT()));

  @TempDir Path checkpoints;

  @BeforeEach
  void resetFailurePoints() {
    RecoveryTestJob.reset();
  }

  /** The key field as a binary row, as SQL keys are. */
  private static final class KeyOfRow implements KeySelector<Row, BinaryRow> {
    private static final long serialVersionUID = 1L;
    private transient RowSerializer serializer;

    @Override
    public BinaryRow getKey(Row row) {
      if (serializer == null) {
        serializer = new RowSerializer(DataTypes.ROW(DataTypes.FIELD("k", DataTypes.STRING())));
      }
      return serializer.toBinary(GenericRow.of(row.getString(0))).copy();
    }
  }

  @Test
  void bufferedBatchesSurviveKilledTasksAndCheckpoints() throws Exception {
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.INTERVAL, Duration.ofMillis(50));
    conf.set(CheckpointingOptions.DIRECTORY, checkpoints.toString());
    conf.set(PipelineOptions.BUFFER_TIMEOUT, Duration.ofMillis(5));
    conf.set(RestartStrategyOptions.TYPE, "fixed-delay");
    conf.set(RestartStrategyOptions.FIXED_DELAY_ATTEMPTS, 10);
    conf.set(RestartStrategyOptions.FIXED_DELAY_DELAY, Duration.ofMillis(20));
    CollectSink<String> sink = new CollectSink<>();

    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.getConfiguration().addAll(conf);
    env.fromSource(
            new GeneratorSource<>(i -> i, RECORDS, 60_000),
            WatermarkStrategy.noWatermarks(),
            "Numbers",
            Types.LONG)
        .transform("Chaos", Types.LONG, new Chaos(false, 10_000, 30_000, 50_000))
        .map(x -> (Row) GenericRow.of(StringData.fromString(String.valueOf(x % KEYS)), x))
        .returns(Types.row(INPUT))
        .keyBy(new KeyOfRow())
        .transform("MiniBatchGroupAggregate", Types.row(OUTPUT), new MiniBatchGroupAggOperator(
            CountSumHandlerSource.code(), CountSumHandlerSource.ACCUMULATORS, true, 0,
            new MiniBatch(5_000, Duration.ofHours(1).toMillis())))
        .filter(row -> row.kind() == RowKind.INSERT || row.kind() == RowKind.UPDATE_AFTER)
        .map(row -> row.getString(0) + ":" + row.getLong(1) + ":" + row.getLong(2))
        .sinkTo(sink);
    JobExecutionResult result = await(env.executeAsync("mini-batch sums"));

    assertThat(FAILURES.get()).isEqualTo(3);
    assertThat(result.metrics().get("job.numberOfCompletedCheckpoints")).isPositive();
    assertThat(lastPerKey(sink)).isEqualTo(expectedSums());
    assertThat(lastPerKey(sink)).hasSize(KEYS);
    sink.discard();
  }
}
