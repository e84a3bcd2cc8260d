package io.strom.datastream;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.api.eventtime.WatermarkStrategy;
import io.strom.api.functions.Collector;
import io.strom.datastream.functions.ProcessFunction;
import io.strom.runtime.cluster.JobClient;
import io.strom.runtime.source.Boundedness;
import io.strom.runtime.source.InputStatus;
import io.strom.runtime.source.ReaderOutput;
import io.strom.runtime.source.Source;
import io.strom.runtime.source.SourceReader;
import io.strom.runtime.source.SourceReaderContext;
import io.strom.runtime.source.SourceSplit;
import io.strom.runtime.source.SplitEnumerator;
import io.strom.runtime.source.SplitEnumeratorContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A source split that goes quiet must not hold back the watermark once it is idle. */
class SplitIdlenessTest {
  private static final AtomicLong WATERMARK_SEEN = new AtomicLong(Long.MIN_VALUE);

  @Test
  void quietSplitStopsHoldingBackTheWatermarkAfterTheIdleTimeout() throws Exception {
    WATERMARK_SEEN.set(Long.MIN_VALUE);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.setAutoWatermarkInterval(20);
    env.fromSource(
            new BusyAndQuietSource(),
            WatermarkStrategy.<Long>forMonotonousTimestamps()
                .withTimestampAssigner((e, ts) -> e)
                .withIdleness(Duration.ofMillis(100)),
            "busy and quiet")
        .process(new RecordWatermark())
        .addSink(x -> {});

    JobClient client = env.executeAsync("idleness");
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (WATERMARK_SEEN.get() < 1_000) {
        assertThat(System.nanoTime()).as("watermark passed the quiet split").isLessThan(deadline);
        Thread.sleep(10);
      }
    } finally {
      client.cancel().get(10, TimeUnit.SECONDS);
    }
    assertThat(WATERMARK_SEEN.get()).isGreaterThanOrEqualTo(1_000);
  }

  /** Records the watermark the operator has seen when each element arrives. */
  static final class RecordWatermark extends ProcessFunction<Long, Long> {
    @Override
    public void processElement(Long value, Context ctx, Collector<Long> out) {
      WATERMARK_SEEN.accumulateAndGet(ctx.timerService().currentWatermark(), Math::max);
      out.collect(value);
    }
  }

  record NamedSplit(String splitId) implements SourceSplit {}

  /** Split "busy" emits timestamps 0, 1, 2, ...; split "quiet" emits timestamp 0 once. */
  static final class BusyAndQuietSource implements Source<Long, NamedSplit> {
    @Override
    public Boundedness boundedness() {
      return Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SplitEnumerator<NamedSplit> createEnumerator(SplitEnumeratorContext<NamedSplit> ctx) {
      return new SplitEnumerator<>() {
        @Override
        public void start() {}

        @Override
        public void addReader(int subtask) {
          ctx.assignSplits(subtask, List.of(new NamedSplit("busy"), new NamedSplit("quiet")));
        }
      };
    }

    @Override
    public SourceReader<Long, NamedSplit> createReader(SourceReaderContext context) {
      return new SourceReader<>() {
        private long next;
        private boolean quietEmitted;
        private int splits;

        @Override
        public InputStatus pollNext(ReaderOutput<Long> output) throws Exception {
          if (splits < 2) {
            return InputStatus.NOTHING_AVAILABLE;
          }
          if (!quietEmitted) {
            output.forSplit("quiet").collect(0L);
            quietEmitted = true;
          }
          for (int i = 0; i < 100; i++) {
            output.forSplit("busy").collect(next++);
          }
          Thread.sleep(1);
          return InputStatus.MORE_AVAILABLE;
        }

        @Override
        public void addSplits(List<NamedSplit> newSplits) {
          splits += newSplits.size();
        }

        @Override
        public void notifyNoMoreSplits() {}
      };
    }
  }
}
