package io.strom.datastream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Keyed state more than eight times larger than the JVM heap, literally: {@link StateBeyondHeapJob}
 * runs in a child JVM with {@value #HEAP_MB} MB of heap, writes {@value #KEYS} values of 1 KB into the RocksDB
 * backend, completes a full checkpoint and a savepoint holding all of them (both written in the
 * state file format, streamed from RocksDB snapshots), and further child JVMs with the same heap
 * restore the savepoint, at the same and at another parallelism, and read every value back. Any
 * OutOfMemoryError ends a child with a non-zero exit code.
 *
 * <p>Isolated: the children need the machine's cores and disk for themselves, so nothing else may
 * run beside this test, should test classes ever run in parallel.
 */
@Isolated
class RocksDbStateBeyondHeapTest {
  private static final int HEAP_MB = 64;
  /** The child's -Xmx; the heap it reports ({@code maxHeap}) is a little smaller. */
  private static final long HEAP_BYTES = (long) HEAP_MB << 20;
  /** How many times the heap the state must be at least. */
  private static final int STATE_PER_HEAP = 8;
  /** 560 000 values of 1 KB: about 600 MB of state, nine times the heap. */
  private static final long KEYS = 560_000;
  private static final long CHILD_TIMEOUT_SECONDS = 180;

  @TempDir Path work;

  @Test
  void stateEightTimesTheHeapIsSavepointedRestoredAndReadBackInJvmsWithThatHeap()
      throws Exception {
    Map<String, String> written = runChild("write", work.toString(), Long.toString(KEYS));
    long maxHeap = Long.parseLong(written.get("maxHeap"));
    long expectedChecksum = StateBeyondHeapJob.expectedChecksum(KEYS);
    assertThat(maxHeap).as("child heap").isLessThanOrEqualTo(HEAP_BYTES);
    for (String snapshot : List.of("checkpointBytes", "savepointBytes")) {
      assertThat(Long.parseLong(written.get(snapshot)))
          .as("%s of the state files, against a heap of %d bytes", snapshot, HEAP_BYTES)
          .isGreaterThanOrEqualTo(STATE_PER_HEAP * HEAP_BYTES)
          .isGreaterThanOrEqualTo(KEYS * StateBeyondHeapJob.VALUE_BYTES);
    }
    assertThat(Long.parseLong(written.get("checksum"))).as("written").isEqualTo(expectedChecksum);

    // Both restores at once: each child has its own heap, and the test takes less time.
    Map<String, Child> readers = new LinkedHashMap<>();
    for (int parallelism : new int[] {1, 2}) {
      String phase = "read-p" + parallelism;
      readers.put(
          phase,
          start(
              phase, "read", work.toString(), Long.toString(KEYS), written.get("savepoint"),
              Integer.toString(parallelism)));
    }
    for (Map.Entry<String, Child> reader : readers.entrySet()) {
      String phase = reader.getKey();
      Map<String, String> read = reader.getValue().result();
      assertThat(Long.parseLong(read.get("maxHeap"))).as("child heap").isEqualTo(maxHeap);
      assertThat(Long.parseLong(read.get("keys"))).as("keys read, %s", phase).isEqualTo(KEYS);
      assertThat(Long.parseLong(read.get("wrongValues"))).as("wrong values, %s", phase).isZero();
      assertThat(Long.parseLong(read.get("checksum"))).as(phase).isEqualTo(expectedChecksum);
    }
  }

  private Map<String, String> runChild(String... args) throws IOException, InterruptedException {
    return start(args[0], args).result();
  }

  /** A child JVM running {@link StateBeyondHeapJob}, its output in files named after it. */
  private record Child(String name, Process process, Path stdout, Path stderr) {

    /**
     * Waits for the child; returns the pairs of its result line. Fails, showing the child's
     * output, unless it exits with 0.
     */
    Map<String, String> result() throws IOException, InterruptedException {
      boolean ended = process.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (!ended) {
        process.destroyForcibly().waitFor();
      }
      String output = Files.readString(stdout);
      String log = "stdout:\n" + output + "\nstderr:\n" + tail(Files.readString(stderr));
      assertThat(ended).as("%s ended within %d s\n%s", name, CHILD_TIMEOUT_SECONDS, log).isTrue();
      assertThat(process.exitValue()).as("exit code of %s\n%s", name, log).isZero();
      String result =
          output
              .lines()
              .filter(line -> line.startsWith(StateBeyondHeapJob.RESULT_PREFIX + " "))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no result line from " + name + "\n" + log));
      Map<String, String> pairs = new HashMap<>();
      for (String pair :
          result.substring(StateBeyondHeapJob.RESULT_PREFIX.length() + 1).split(" ")) {
        int eq = pair.indexOf('=');
        pairs.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
      return pairs;
    }
  }

  /** Starts {@link StateBeyondHeapJob} with {@code args} in a JVM with {@link #HEAP_MB} of heap. */
  private Child start(String name, String... args) throws IOException {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-Xmx" + HEAP_MB + "m",
                "-XX:+ExitOnOutOfMemoryError",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                StateBeyondHeapJob.class.getName()));
    command.addAll(List.of(args));
    Path stdout = work.resolve(name + ".out");
    Path stderr = work.resolve(name + ".err");
    Process child =
        new ProcessBuilder(command)
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .start();
    return new Child(name, child, stdout, stderr);
  }

  /** The end of a child's log: where its failure is. */
  private static String tail(String log) {
    int max = 20_000;
    return log.length() <= max ? log : "..." + log.substring(log.length() - max);
  }
}
