package io.strom.datastream;

import static io.strom.datastream.RecoveryTestJob.FAILURES;
import static io.strom.datastream.RecoveryTestJob.KEYS;
import static io.strom.datastream.RecoveryTestJob.RECORDS;
import static io.strom.datastream.RecoveryTestJob.await;
import static io.strom.datastream.RecoveryTestJob.expectedSums;
import static io.strom.datastream.RecoveryTestJob.lastPerKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.strom.api.eventtime.WatermarkStrategy;
import io.strom.api.typeinfo.Types;
import io.strom.configuration.CheckpointingOptions;
import io.strom.configuration.Configuration;
import io.strom.configuration.PipelineOptions;
import io.strom.configuration.RestartStrategyOptions;
import io.strom.datastream.RecoveryTestJob.Chaos;
import io.strom.datastream.RecoveryTestJob.SumPerKey;
import io.strom.datastream.sink.CollectSink;
import io.strom.runtime.cluster.JobClient;
import io.strom.runtime.cluster.JobExecutionResult;
import io.strom.runtime.source.lib.GeneratorSource;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * One operator feeding several consumers (as a query's shared sub-plan does): a chained consumer
 * and two exchanged keyed consumers each see every record exactly once across failures and
 * restores from checkpoints, so barriers and watermarks reach every consumer of the fan-out.
 */
class FanOutRecoveryTest {
  @TempDir Path checkpoints;

  @BeforeEach
  void resetFailurePoints() {
    RecoveryTestJob.reset();
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void everyConsumerOfASharedOutputCountsEachRecordOnce(boolean unaligned) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    Configuration conf = env.getConfiguration();
    conf.set(CheckpointingOptions.INTERVAL, Duration.ofMillis(100));
    conf.set(CheckpointingOptions.DIRECTORY, checkpoints.toString());
    conf.set(CheckpointingOptions.UNALIGNED, unaligned);
    conf.set(PipelineOptions.BUFFER_TIMEOUT, Duration.ofMillis(5));
    conf.set(RestartStrategyOptions.TYPE, "fixed-delay");
    conf.set(RestartStrategyOptions.FIXED_DELAY_ATTEMPTS, 10);
    conf.set(RestartStrategyOptions.FIXED_DELAY_DELAY, Duration.ofMillis(20));
    CollectSink<String> direct = new CollectSink<>();
    CollectSink<String> viaChain = new CollectSink<>();
    CollectSink<String> again = new CollectSink<>();

    DataStream<Long> shared = env.fromSource(
            new GeneratorSource<>(i -> i, RECORDS, 60_000), WatermarkStrategy.noWatermarks(),
            "Numbers", Types.LONG)
        .transform("Chaos", Types.LONG, new Chaos(false, 10_000, 30_000, 50_000));
    shared.keyBy(x -> x % KEYS).process(new SumPerKey(0)).sinkTo(direct);
    // A chained consumer of the shared output, itself exchanged further on.
    shared.map(x -> x).keyBy(x -> x % KEYS).process(new SumPerKey(0)).sinkTo(viaChain);
    shared.keyBy(x -> x % KEYS).process(new SumPerKey(0)).sinkTo(again);
    JobClient client = env.executeAsync("fan-out");
    JobExecutionResult result = await(client);

    assertThat(FAILURES.get()).isEqualTo(3);
    assertThat(result.metrics().get("job.numberOfCompletedCheckpoints")).isPositive();
    assertThat(lastPerKey(direct)).isEqualTo(expectedSums());
    assertThat(lastPerKey(viaChain)).isEqualTo(expectedSums());
    assertThat(lastPerKey(again)).isEqualTo(expectedSums());
    direct.discard();
    viaChain.discard();
    again.discard();
  }
}
