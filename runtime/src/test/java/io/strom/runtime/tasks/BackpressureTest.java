package io.strom.runtime.tasks;

import static io.strom.runtime.tasks.CancellationAndCleanupTest.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.strom.api.eventtime.WatermarkStrategy;
import io.strom.api.typeinfo.Types;
import io.strom.configuration.TaskManagerOptions;
import io.strom.datastream.StreamExecutionEnvironment;
import io.strom.runtime.cluster.JobClient;
import io.strom.runtime.source.lib.GeneratorSource;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A sink that cannot keep up must slow the source down, not let buffers pile up in memory. */
class BackpressureTest {
  private static final AtomicLong PRODUCED = new AtomicLong();
  private static final AtomicLong CONSUMED = new AtomicLong();
  private static final Semaphore SINK_PERMITS = new Semaphore(0);

  @Test
  void slowSinkFillsTheSourcesBuffersAndThenHoldsTheSourceBack() throws Exception {
    PRODUCED.set(0);
    CONSUMED.set(0);
    SINK_PERMITS.drainPermits();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.setBufferTimeout(1);
    env.fromSource(
            new GeneratorSource<>(i -> i, GeneratorSource.UNBOUNDED, 0),
            WatermarkStrategy.noWatermarks(),
            "fast source",
            Types.LONG)
        .map(x -> {
          PRODUCED.incrementAndGet();
          return x;
        })
        .name("count produced")
        .rebalance()
        .addSink(
            x -> {
              SINK_PERMITS.acquire();
              CONSUMED.incrementAndGet();
            })
        .name("slow sink");

    JobClient client = env.executeAsync("backpressure");
    try {
      SINK_PERMITS.release(1_000);
      String scope = "Source: fast source -> count produced[0]";
      waitUntil(() -> CONSUMED.get() == 1_000, "the sink to use its permits");
      waitUntil(
          () -> {
            Map<String, Long> m = client.metrics();
            Long inUse = m.get(scope + ".outputBuffersInUse");
            return inUse != null && inUse.equals(m.get(scope + ".outputBuffersCapacity"));
          },
          "the source's output buffers to fill up");

      long capacity = client.metrics().get(scope + ".outputBuffersCapacity");
      int segmentSize = (int) TaskManagerOptions.SEGMENT_SIZE.defaultValue().bytes();
      // A Long takes 13 bytes in a buffer (length, tag, value); one more element may be in
      // the serializer and one more buffer half read by the consumer.
      long bound = (capacity + 1) * (segmentSize / 13) + 1;
      long inFlight = PRODUCED.get() - CONSUMED.get();
      assertThat(inFlight).isPositive().isLessThanOrEqualTo(bound);

      // Held back: while the sink stays blocked the source cannot produce past the buffers.
      SINK_PERMITS.release(100);
      waitUntil(() -> CONSUMED.get() == 1_100, "the sink to take 100 more");
      assertThat(PRODUCED.get() - CONSUMED.get()).isLessThanOrEqualTo(bound);
      assertThat(client.metrics().get(scope + ".outputBuffersInUse")).isLessThanOrEqualTo(capacity);
    } finally {
      SINK_PERMITS.release(Integer.MAX_VALUE / 2);
      client.cancel().get(10, TimeUnit.SECONDS);
    }
  }
}
