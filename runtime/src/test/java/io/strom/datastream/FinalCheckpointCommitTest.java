package io.strom.datastream;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.api.eventtime.WatermarkStrategy;
import io.strom.api.typeinfo.Types;
import io.strom.configuration.CheckpointingOptions;
import io.strom.datastream.sink.PrecommittingSinkWriter;
import io.strom.datastream.sink.SinkWriter;
import io.strom.datastream.sink.TwoPhaseCommittingSink;
import io.strom.runtime.source.lib.GeneratorSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A two-phase-commit sink in a task of its own, behind an exchange: when its input ends, what it
 * still holds is committed by a checkpoint taken after the end, which the coordinator sends it
 * directly since no barrier comes through its ended input. Without that the job never ends.
 */
class FinalCheckpointCommitTest {
  private static final long RECORDS = 2_000;
  /** Ids committed so far, in commit order. */
  static final List<Long> COMMITTED = new CopyOnWriteArrayList<>();

  @TempDir Path checkpoints;

  /** Keeps the ids written since the last checkpoint as one committable, "id,id,...". */
  static final class RecordingSink implements TwoPhaseCommittingSink<Long, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public PrecommittingSinkWriter<Long, String> createWriter(InitContext context) {
      return new PrecommittingSinkWriter<>() {
        private final List<Long> written = new ArrayList<>();

        @Override
        public void write(Long element, long timestamp) {
          written.add(element);
        }

        @Override
        public List<String> prepareCommit(long checkpointId) {
          String ids = written.stream().map(String::valueOf).collect(Collectors.joining(","));
          written.clear();
          return ids.isEmpty() ? List.of() : List.of(ids);
        }
      };
    }

    @Override
    public void commit(SinkWriter<Long> writer, List<String> committables) {
      for (String ids : committables) {
        Arrays.stream(ids.split(",")).map(Long::valueOf).forEach(COMMITTED::add);
      }
    }
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void sinkBehindAnExchangeCommitsItsEndOfInputOnTheNextCheckpoint() throws Exception {
    COMMITTED.clear();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.getConfiguration().set(CheckpointingOptions.INTERVAL, Duration.ofMillis(50));
    env.getConfiguration().set(CheckpointingOptions.DIRECTORY, checkpoints.toString());
    env.fromSource(
            new GeneratorSource<>(i -> i, RECORDS, 0), WatermarkStrategy.noWatermarks(), "ids",
            Types.LONG)
        .rebalance()
        .sinkTo(new RecordingSink())
        .setParallelism(3);

    env.execute("final checkpoint behind an exchange");

    assertThat(COMMITTED)
        .containsExactlyInAnyOrderElementsOf(LongStream.range(0, RECORDS).boxed().toList());
  }
}
