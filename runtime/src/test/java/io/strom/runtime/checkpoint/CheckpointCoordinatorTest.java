package io.strom.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.configuration.CheckpointingOptions.CheckpointingMode;
import io.strom.configuration.CheckpointingOptions.ExternalizedCheckpointRetention;
import io.strom.configuration.Configuration;
import io.strom.runtime.graph.JobGraph;
import io.strom.runtime.metrics.MetricRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The coordinator's timing rules, against one task that acknowledges when told: a checkpoint that
 * times out is aborted and counted and the next one proceeds; the minimum pause separates the end
 * of one checkpoint from the start of the next; and never more than the maximum number of
 * concurrent checkpoints is in flight, with the completion of one subsuming the older ones.
 */
class CheckpointCoordinatorTest {
  private static final Duration INTERVAL = Duration.ofMillis(10);

  @TempDir Path directory;
  private final ScheduledExecutorService jobThread = Executors.newSingleThreadScheduledExecutor();
  private final ScheduledExecutorService lateAcks = Executors.newSingleThreadScheduledExecutor();
  private final MetricRegistry metrics = new MetricRegistry();
  private CheckpointCoordinator coordinator;
  private OneTask task;

  @AfterEach
  void stop() throws Exception {
    jobThread.submit(() -> coordinator.stop("test ended")).get(10, TimeUnit.SECONDS);
    jobThread.shutdownNow();
    lateAcks.shutdownNow();
  }

  /** A trigger as the task saw it: when, and how many checkpoints had not ended then. */
  private record Trigger(long id, long nanos, long inFlight, boolean savepoint) {}

  /** The one task of the job: acknowledges as its policy says, and records what it sees. */
  private final class OneTask implements CheckpointCoordinator.Targets {
    final List<Trigger> triggers = new CopyOnWriteArrayList<>();
    final Map<Long, Long> completedAt = new ConcurrentHashMap<>();
    final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final LongPredicate acknowledges;
    private final long ackDelayMillis;

    OneTask(LongPredicate acknowledges, long ackDelayMillis) {
      this.acknowledges = acknowledges;
      this.ackDelayMillis = ackDelayMillis;
    }

    @Override
    public String notReadyReason() {
      return null;
    }

    @Override
    public int numTasks() {
      return 1;
    }

    @Override
    public Set<String> finishedTasks() {
      return Set.of();
    }

    @Override
    public Map<String, List<byte[]>> triggerSources(CheckpointBarrier barrier) {
      long ended = completedAt.size() + gauge("numberOfFailedCheckpoints");
      triggers.add(
          new Trigger(
              barrier.checkpointId(), System.nanoTime(), triggers.size() - ended,
              barrier.savepoint()));
      if (acknowledges.test(barrier.checkpointId())) {
        SubtaskState state = new SubtaskState(1, 0, List.of());
        Runnable ack = () -> coordinator.acknowledge(this, barrier.checkpointId(), state);
        if (ackDelayMillis == 0) {
          ack.run();
        } else {
          lateAcks.schedule(ack, ackDelayMillis, TimeUnit.MILLISECONDS);
        }
      }
      return Map.of();
    }

    @Override
    public void triggerTask(String task, CheckpointBarrier barrier) {}

    @Override
    public void failCheckpointing(Throwable cause) {
      failures.add(cause);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      completedAt.put(checkpointId, System.nanoTime());
    }
  }

  private void start(Duration timeout, Duration minPause, OneTask oneTask) throws Exception {
    start(timeout, minPause, Integer.MAX_VALUE, oneTask);
  }

  private void start(Duration timeout, Duration minPause, int tolerable, OneTask oneTask)
      throws Exception {
    start(timeout, minPause, tolerable, 1, oneTask);
  }

  private void start(
      Duration timeout, Duration minPause, int tolerable, int maxConcurrent, OneTask oneTask)
      throws Exception {
    CheckpointConfig config =
        new CheckpointConfig(
            INTERVAL, timeout, minPause, CheckpointingMode.EXACTLY_ONCE, directory, 1, directory,
            ExternalizedCheckpointRetention.NO_EXTERNALIZED_CHECKPOINTS, tolerable, maxConcurrent);
    JobGraph job = new JobGraph("job-1", "timing", new Configuration(), 128, List.of(), List.of());
    coordinator = new CheckpointCoordinator(job, config, jobThread, metrics.group("job"), 1);
    task = oneTask;
    jobThread.submit(() -> coordinator.start(oneTask)).get(10, TimeUnit.SECONDS);
  }

  private long gauge(String name) {
    return metrics.value("job", name);
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as(what + " within 20 s").isLessThan(deadline);
      Thread.sleep(1);
    }
  }

  @Test
  void checkpointNotCompletedInTimeIsAbortedAndTheNextProceeds() throws Exception {
    Duration timeout = Duration.ofMillis(100);
    start(timeout, Duration.ZERO, new OneTask(id -> id != 1, 0));

    await("a checkpoint after the one that timed out", () -> task.completedAt.size() >= 2);

    assertThat(task.completedAt).doesNotContainKey(1L);
    assertThat(gauge("numberOfFailedCheckpoints")).isEqualTo(1);
    assertThat(gauge("numberOfCompletedCheckpoints")).isGreaterThanOrEqualTo(2);
    assertThat(gauge("lastCompletedCheckpointId")).isGreaterThanOrEqualTo(3);
    Trigger first = task.triggers.get(0);
    Trigger second = task.triggers.get(1);
    assertThat(first.id()).isEqualTo(1);
    assertThat(second.id()).isEqualTo(2);
    assertThat(second.nanos() - first.nanos())
        .as("the next checkpoint waits for the timeout of the one before")
        .isGreaterThanOrEqualTo(timeout.toNanos());
    assertThat(Files.exists(directory.resolve("job-1").resolve("chk-1"))).isFalse();
  }

  @Test
  void lateAcknowledgementOfATimedOutCheckpointIsIgnored() throws Exception {
    start(Duration.ofMillis(50), Duration.ZERO, new OneTask(id -> true, 120));

    await("two aborted checkpoints", () -> gauge("numberOfFailedCheckpoints") >= 2);

    assertThat(task.completedAt).isEmpty();
    assertThat(gauge("numberOfCompletedCheckpoints")).isZero();
    assertThat(gauge("lastCompletedCheckpointId")).isEqualTo(-1);
  }

  @Test
  void minimumPauseSeparatesTheEndOfOneCheckpointFromTheStartOfTheNext() throws Exception {
    Duration minPause = Duration.ofMillis(60);
    start(Duration.ofSeconds(10), minPause, new OneTask(id -> true, 0));

    await("four checkpoints", () -> task.completedAt.size() >= 4);

    for (int i = 0; i + 1 < 4; i++) {
      Trigger next = task.triggers.get(i + 1);
      long previousEnd = task.completedAt.get(task.triggers.get(i).id());
      // The task hears of a completion a moment after the coordinator stamps its end.
      assertThat(next.nanos() - previousEnd)
          .as("pause before checkpoint %d", next.id())
          .isGreaterThanOrEqualTo(minPause.toNanos() - TimeUnit.MILLISECONDS.toNanos(1));
    }
  }

  @Test
  void neverMoreThanOneCheckpointInFlight() throws Exception {
    start(Duration.ofSeconds(10), Duration.ZERO, new OneTask(id -> true, 25));
    await("a checkpoint in flight", () -> !task.triggers.isEmpty());
    var savepoint = coordinator.triggerSavepoint(directory.resolve("savepoints"));

    await("five checkpoints", () -> task.completedAt.size() >= 5);

    assertThat(savepoint.get(10, TimeUnit.SECONDS)).exists();
    assertThat(task.triggers).hasSizeGreaterThanOrEqualTo(5);
    assertThat(task.triggers)
        .allSatisfy(t -> assertThat(t.inFlight()).as("in flight at %d", t.id()).isZero());
  }

  @Test
  void moreFailuresInARowThanTolerableFailTheAttempt() throws Exception {
    // Checkpoints 1, 2 and 4, 5, 6 time out; 3 completes and starts the count again.
    start(Duration.ofMillis(30), Duration.ZERO, 2, new OneTask(id -> id == 3, 0));

    await("the attempt failed", () -> !task.failures.isEmpty());

    assertThat(task.triggers).extracting(Trigger::id).startsWith(1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(task.completedAt).containsOnlyKeys(3L);
    assertThat(task.failures.get(0))
        .hasMessageContaining("3 checkpoint(s) in a row failed")
        .hasMessageContaining("execution.checkpointing.tolerable-failed-checkpoints = 2")
        .hasMessageContaining("checkpoint 6")
        .hasMessageContaining("did not complete within 30 ms");
    assertThat(gauge("numberOfFailedCheckpoints")).isGreaterThanOrEqualTo(5);
  }

  @Test
  void failedSavepointsAndAbortsOnStopDoNotCount() throws Exception {
    start(Duration.ofMillis(30), Duration.ZERO, 0, new OneTask(id -> false, 0));
    await("a checkpoint in flight", () -> !task.triggers.isEmpty());
    jobThread.submit(() -> coordinator.stop("the attempt failed")).get(10, TimeUnit.SECONDS);
    var savepoint = coordinator.triggerSavepoint(directory.resolve("savepoints"));
    jobThread.submit(() -> coordinator.start(task)).get(10, TimeUnit.SECONDS);

    await("the first checkpoint after the savepoint timed out", () -> !task.failures.isEmpty());

    assertThat(savepoint).isCompletedExceptionally();
    // Checkpoint 1 was aborted by the stop, savepoint 2 timed out: only checkpoint 3 counts.
    assertThat(task.failures.get(0))
        .hasMessageContaining("1 checkpoint(s) in a row failed")
        .hasMessageContaining("the last, checkpoint 3,");
  }

  @Test
  void declineOfAnEndingTaskAbortsWithoutCountingAndAFailedUploadCounts() throws Exception {
    start(Duration.ofSeconds(10), Duration.ZERO, 0, new OneTask(id -> false, 0));
    await("checkpoint 1 in flight", () -> !task.triggers.isEmpty());

    coordinator.decline(
        task, 1, "Sum (1/1)", new DeclinedByEndingTask("Sum (1/1) is ending", null));
    await("checkpoint 2 in flight", () -> task.triggers.size() >= 2);
    assertThat(gauge("numberOfFailedCheckpoints")).isEqualTo(1);
    assertThat(task.failures).isEmpty();

    coordinator.decline(task, 2, "Sum (1/1)", new java.io.IOException("disk full"));
    await("the attempt failed", () -> !task.failures.isEmpty());
    assertThat(task.failures.get(0))
        .hasMessageContaining("the last, checkpoint 2, because Sum (1/1) could not write its state")
        .hasMessageContaining("disk full");
  }

  @Test
  void neverMoreThanTheMaximumInFlightAndTheyCompleteInOrder() throws Exception {
    start(Duration.ofSeconds(10), Duration.ZERO, 0, 2, new OneTask(id -> true, 40));
    await("a checkpoint in flight", () -> !task.triggers.isEmpty());
    var savepoint = coordinator.triggerSavepoint(directory.resolve("savepoints"));

    await("six checkpoints", () -> task.completedAt.size() >= 6);

    assertThat(savepoint.get(10, TimeUnit.SECONDS)).exists();
    assertThat(task.triggers)
        .allSatisfy(t -> assertThat(t.inFlight()).as("in flight at %d", t.id()).isLessThan(2));
    assertThat(task.triggers)
        .as("a second checkpoint starts while the first runs")
        .anySatisfy(t -> assertThat(t.inFlight()).isEqualTo(1));
    assertThat(task.triggers)
        .filteredOn(Trigger::savepoint)
        .singleElement()
        .satisfies(t -> assertThat(t.inFlight()).as("the savepoint runs alone").isZero());
    List<Long> byCompletion =
        task.completedAt.entrySet().stream()
            .sorted(Map.Entry.comparingByValue())
            .map(Map.Entry::getKey)
            .toList();
    assertThat(byCompletion).isSorted();
    assertThat(task.failures).isEmpty();
    assertThat(gauge("numberOfFailedCheckpoints")).isZero();
  }

  @Test
  void aCompletedCheckpointSubsumesTheOlderOnesWithoutCountingThemAsFailures() throws Exception {
    // Odd checkpoints are never acknowledged; the even one after each completes and subsumes it.
    start(Duration.ofSeconds(10), Duration.ZERO, 0, 2, new OneTask(id -> id % 2 == 0, 20));

    await("three checkpoints", () -> task.completedAt.size() >= 3);

    assertThat(task.completedAt.keySet()).allSatisfy(id -> assertThat(id % 2).isZero());
    assertThat(task.triggers).extracting(Trigger::id).startsWith(1L, 2L);
    assertThat(gauge("numberOfFailedCheckpoints")).isGreaterThanOrEqualTo(1);
    assertThat(task.failures).as("subsumed checkpoints are no failures").isEmpty();
    assertThat(Files.exists(directory.resolve("job-1").resolve("chk-1"))).isFalse();
  }

  @Test
  void abortOfOneCheckpointLeavesTheOthersInFlightRunning() throws Exception {
    start(Duration.ofSeconds(10), Duration.ZERO, 5, 2, new OneTask(id -> id != 1, 150));
    await("checkpoints 1 and 2 in flight", () -> task.triggers.size() >= 2);

    coordinator.decline(task, 1, "Sum (1/1)", new java.io.IOException("disk full"));
    await("checkpoint 2 completed", () -> task.completedAt.containsKey(2L));

    assertThat(task.triggers.get(1).inFlight()).as("2 started while 1 ran").isEqualTo(1);
    assertThat(task.completedAt).doesNotContainKey(1L);
    assertThat(gauge("numberOfFailedCheckpoints")).isEqualTo(1);
  }
}
