package io.strom.tests.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.configuration.Configuration;
import io.strom.planner.session.SqlSession;
import io.strom.runtime.tasks.FaultPoints;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kills the tasks of a SQL job at random moments — at random rows, while a checkpoint uploads,
 * between a checkpoint's acknowledgement and its completion notice — and demands that what its
 * exactly-once filesystem sinks committed equals the output of a run without failures: every
 * change of a keyed aggregation (applied in order, and counted), every row of a window join.
 * Runs once per state backend, with aligned and with unaligned checkpoints, and also restores a
 * failed run's checkpoint at another parallelism, to be killed again there.
 *
 * <p>A failing run's message starts with the seed its kills were drawn from; {@code
 * -Dkill.seed=<seed>} draws the same kills again.
 */
@ParameterizedClass
@MethodSource("settings")
class SqlKillRecoveryTest {
  private static final int ROWS = 3_000;
  private static final int ROWS_PER_SECOND = 1_500;

  /** Sums and counts of numbers per key, updated with every number: a changelog to apply. */
  private static final String TOTALS =
      "INSERT INTO totals SELECT k, SUM(v), COUNT(*) FROM"
          + " (SELECT kill_at_row(v) % 10 AS k, v FROM nums) GROUP BY k";

  /** Left and right numbers of equal remainder in the same one-second event-time window. */
  private static final String PAIRS =
      "INSERT INTO pairs SELECT l.v % 50, l.v, r.v"
          + " FROM (SELECT * FROM TABLE(TUMBLE(TABLE lefts, DESCRIPTOR(ts), INTERVAL '1' SECOND))) l"
          + " JOIN (SELECT * FROM TABLE(TUMBLE(TABLE rights, DESCRIPTOR(ts), INTERVAL '1' SECOND))) r"
          + " ON l.v % 50 = r.v % 50 AND l.window_start = r.window_start"
          + " AND l.window_end = r.window_end";

  @TempDir static Path failureFree;
  private static Map<String, Integer> expectedTotals;
  private static int expectedChanges;
  private static List<String> expectedPairs;

  @TempDir Path run;

  private final String backend;
  private final boolean unaligned;

  SqlKillRecoveryTest(String backend, boolean unaligned) {
    this.backend = backend;
    this.unaligned = unaligned;
  }

  static Stream<Arguments> settings() {
    return Stream.of(
        Arguments.of("hashmap", false),
        Arguments.of("rocksdb", false),
        Arguments.of("hashmap", true),
        Arguments.of("rocksdb", true));
  }

  @BeforeAll
  static void runWithoutFailures() {
    if (expectedPairs != null) {
      return;
    }
    KillSchedule.disarm();
    execute(new JobSettings(failureFree, 2, "hashmap", false).restarts(false));
    List<String> changes = CommittedOutput.lines(failureFree.resolve("totals"));
    expectedTotals = CommittedOutput.materialize(changes, "failure-free run");
    expectedChanges = changes.size();
    expectedPairs = sorted(CommittedOutput.lines(failureFree.resolve("pairs")));
    // The reference itself: ten keys, and a pair per two numbers of a window with equal remainder.
    assertThat(expectedTotals).hasSize(10);
    assertThat(expectedChanges).isEqualTo(10 + 2 * (ROWS - 10));
    assertThat(expectedPairs).hasSize(ROWS / 100 * 50 * 2 * 2);
  }

  @AfterEach
  void disarm() {
    KillSchedule.disarm();
  }

  @Test
  void outputOfARunKilledSixTimesEqualsTheFailureFreeRun() {
    KillSchedule kills = KillSchedule.arm(seed(), ROWS / 10, ROWS * 9 / 10, 4, true);

    execute(new JobSettings(run, 2, backend, unaligned));

    assertKilledAtLeast(kills, 6);
    assertSameOutputAsFailureFree(kills);
  }

  @Test
  void checkpointRestoredAtAnotherParallelismIsKilledAgainAndGivesTheSameOutput()
      throws IOException {
    // The first run fails for good at a third of the rows, after checkpoints completed.
    KillSchedule first = KillSchedule.arm(seed(), ROWS / 3, ROWS / 3 + 1, 1, false);
    JobSettings failing = new JobSettings(run, 2, backend, unaligned).restarts(false);
    assertThatThrownBy(() -> execute(failing)).hasMessageContaining("Injected failure at row");
    assertThat(first.fired()).hasSize(1);
    Path checkpoint = latestCompletedCheckpoint(run.resolve("checkpoints"));

    KillSchedule kills = KillSchedule.arm(seed(), ROWS / 20, ROWS / 2, 3, true);
    execute(new JobSettings(run, unaligned ? 1 : 3, backend, unaligned).restoring(checkpoint));

    assertKilledAtLeast(kills, 5);
    assertSameOutputAsFailureFree(kills);
  }

  private static void assertKilledAtLeast(KillSchedule kills, int times) {
    assertThat(kills.fired()).as("%s", kills).hasSizeGreaterThanOrEqualTo(times);
    assertThat(kills.fired()).as("%s", kills)
        .anyMatch(kill -> kill.startsWith(FaultPoints.CHECKPOINT_UPLOAD))
        .anyMatch(kill -> kill.startsWith(FaultPoints.COMPLETION_NOTICE));
  }

  private void assertSameOutputAsFailureFree(KillSchedule kills) {
    String context = kills + ", " + backend + (unaligned ? ", unaligned" : ", aligned");
    List<String> changes = CommittedOutput.lines(run.resolve("totals"));
    assertThat(CommittedOutput.materialize(changes, context)).as(context).isEqualTo(expectedTotals);
    assertThat(changes).as("number of changes; %s", context).hasSize(expectedChanges);
    assertThat(sorted(CommittedOutput.lines(run.resolve("pairs"))))
        .as("window join; %s", context)
        .isEqualTo(expectedPairs);
  }

  /** The seed of this run's kills: {@code kill.seed} when given, else a new one. */
  private static long seed() {
    String given = System.getProperty("kill.seed");
    return given != null ? Long.parseLong(given) : System.nanoTime();
  }

  private static List<String> sorted(List<String> lines) {
    return lines.stream().sorted().toList();
  }

  /** The directory of the newest checkpoint with metadata, of the one job under {@code root}. */
  private static Path latestCompletedCheckpoint(Path root) throws IOException {
    try (Stream<Path> dirs = Files.walk(root, 2)) {
      return dirs.filter(d -> d.getFileName().toString().startsWith("chk-"))
          .filter(d -> Files.exists(d.resolve("_metadata")))
          .max(Comparator.comparingLong(
              d -> Long.parseLong(d.getFileName().toString().substring("chk-".length()))))
          .orElseThrow(() -> new AssertionError("no completed checkpoint was retained"));
    }
  }

  /**
   * How a run's job is set up.
   *
   * @param directory holds the run's checkpoints, RocksDB files and sink output
   * @param restart whether failures restart the job (from its latest checkpoint)
   * @param recoveryPath the checkpoint the job starts from, or null
   */
  private record JobSettings(
      Path directory,
      int parallelism,
      String backend,
      boolean unaligned,
      boolean restart,
      Path recoveryPath) {
    JobSettings(Path directory, int parallelism, String backend, boolean unaligned) {
      this(directory, parallelism, backend, unaligned, true, null);
    }

    JobSettings restarts(boolean restart) {
      return new JobSettings(directory, parallelism, backend, unaligned, restart, recoveryPath);
    }

    JobSettings restoring(Path checkpoint) {
      return new JobSettings(directory, parallelism, backend, unaligned, restart, checkpoint);
    }
  }

  /** Runs both inserts as one job, until the sources end. */
  private static void execute(JobSettings job) {
    try (SqlSession session = new SqlSession(new Configuration())) {
      for (String setting : settingsOf(job)) {
        session.execute(setting);
      }
      session.execute(
          "CREATE FUNCTION kill_at_row AS '" + KillAtRowFunction.class.getName() + "'");
      session.execute("CREATE TABLE nums (v BIGINT) WITH (" + sequence() + ")");
      for (String side : new String[] {"lefts", "rights"}) {
        // A hundred numbers per second of event time, in order within each reader: none late.
        session.execute(
            "CREATE TABLE " + side + " (v BIGINT, ts AS TO_TIMESTAMP_LTZ(v * 10, 3),"
                + " WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH (" + sequence() + ")");
      }
      session.execute(
          "CREATE TABLE totals (k BIGINT, total BIGINT, n BIGINT) WITH ('connector' ="
              + " 'filesystem', 'path' = '" + job.directory().resolve("totals") + "',"
              + " 'format' = 'debezium-json')");
      session.execute(
          "CREATE TABLE pairs (k BIGINT, l BIGINT, r BIGINT) WITH ('connector' = 'filesystem',"
              + " 'path' = '" + job.directory().resolve("pairs") + "', 'format' = 'csv')");
      session.execute("EXECUTE STATEMENT SET BEGIN\n" + TOTALS + ";\n" + PAIRS + ";\nEND");
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> settingsOf(JobSettings job) {
    List<String> settings = new java.util.ArrayList<>(List.of(
        "SET 'parallelism.default' = '" + job.parallelism() + "'",
        "SET 'execution.checkpointing.interval' = '150ms'",
        "SET 'execution.checkpointing.dir' = '" + job.directory().resolve("checkpoints") + "'",
        // Keeps the checkpoints of a failed run, to restore one.
        "SET 'execution.checkpointing.externalized-checkpoint-retention' ="
            + " 'DELETE_ON_CANCELLATION'",
        "SET 'execution.checkpointing.unaligned' = '" + job.unaligned() + "'",
        "SET 'state.backend.type' = '" + job.backend() + "'",
        "SET 'state.backend.rocksdb.localdir' = '" + job.directory().resolve("rocksdb") + "'"));
    if (job.restart()) {
      settings.add("SET 'restart-strategy.type' = 'fixed-delay'");
      settings.add("SET 'restart-strategy.fixed-delay.attempts' = '20'");
      settings.add("SET 'restart-strategy.fixed-delay.delay' = '10ms'");
    } else {
      settings.add("SET 'restart-strategy.type' = 'none'");
    }
    if (job.recoveryPath() != null) {
      settings.add("SET 'execution.state-recovery.path' = '" + job.recoveryPath() + "'");
    }
    return settings;
  }

  private static String sequence() {
    return "'connector' = 'datagen', 'fields.v.kind' = 'sequence', 'fields.v.start' = '0',"
        + " 'fields.v.end' = '" + (ROWS - 1) + "', 'rows-per-second' = '" + ROWS_PER_SECOND + "'";
  }
}
