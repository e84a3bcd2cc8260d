package io.strom.runtime.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.api.eventtime.WatermarkStrategy;
import io.strom.configuration.Configuration;
import io.strom.datastream.StreamExecutionEnvironment;
import io.strom.runtime.cluster.JobClient;
import io.strom.runtime.cluster.JobExecutionException;
import io.strom.runtime.cluster.JobStatus;
import io.strom.runtime.cluster.MiniCluster;
import io.strom.runtime.cluster.TaskManager;
import io.strom.runtime.graph.JobGraph;
import io.strom.runtime.source.lib.GeneratorSource;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class CancellationAndCleanupTest {
  private static final AtomicLong SEEN = new AtomicLong();

  @Test
  void cancelStopsAnUnboundedJobAndEveryThreadOfIt() throws Exception {
    SEEN.set(0);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.fromSource(
            new GeneratorSource<>(i -> i, GeneratorSource.UNBOUNDED, 0),
            WatermarkStrategy.noWatermarks(),
            "endless")
        .rebalance()
        .map(x -> x + 1)
        .addSink(x -> SEEN.incrementAndGet());

    JobClient client = env.executeAsync("endless job");
    waitUntil(() -> SEEN.get() > 10_000, "records to flow");
    assertThat(client.status()).isEqualTo(JobStatus.RUNNING);

    client.cancel().get(10, TimeUnit.SECONDS);

    assertThat(client.status()).isEqualTo(JobStatus.CANCELED);
    assertThatThrownBy(() -> client.result().get())
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(JobExecutionException.class)
        .hasMessageContaining("was canceled");
    waitUntil(() -> strömThreads() == 0, "all job threads to end");
  }

  @Test
  void finishedAndFailedJobsReturnEveryNetworkBuffer() throws Exception {
    try (MiniCluster cluster = new MiniCluster(new Configuration())) {
      TaskManager tm = cluster.taskManagers().get(0);
      int total = tm.bufferPool().totalSegments();

      StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);
      env.fromSequence(1, 50_000).rebalance().map(x -> x).rebalance().addSink(x -> {});
      JobGraph ok = env.getJobGraph("ok");
      cluster.submit(ok, getClass().getClassLoader()).result().get(30, TimeUnit.SECONDS);
      assertThat(tm.bufferPool().availableSegments()).isEqualTo(total);

      env.fromSequence(1, 50_000)
          .rebalance()
          .map(
              x -> {
                if (x == 20_000) {
                  throw new IllegalStateException("boom");
                }
                return x;
              })
          .rebalance()
          .addSink(x -> {});
      JobGraph failing = env.getJobGraph("failing");
      JobClient client = cluster.submit(failing, getClass().getClassLoader());
      assertThatThrownBy(() -> client.result().get(30, TimeUnit.SECONDS))
          .hasRootCauseMessage("boom");
      assertThat(client.status()).isEqualTo(JobStatus.FAILED);
      assertThat(tm.bufferPool().availableSegments()).isEqualTo(total);
    }
  }

  @Test
  void clusterWithFixedSlotsRejectsAJobThatNeedsMore() throws Exception {
    Configuration conf = new Configuration().setString("taskmanager.numberOfTaskSlots", "2");
    try (MiniCluster cluster = new MiniCluster(conf)) {
      StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);
      env.fromSequence(1, 10).addSink(x -> {});
      JobGraph job = env.getJobGraph("too wide");
      assertThatThrownBy(() -> cluster.submit(job, getClass().getClassLoader()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("needs 3 slots")
          .hasMessageContaining("taskmanager.numberOfTaskSlots");
    }
  }

  private static long strömThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().contains("endless") || t.getName().startsWith("strom-"))
        .filter(Thread::isAlive)
        .count();
  }

  static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out waiting for " + what);
      }
      Thread.sleep(5);
    }
  }
}
