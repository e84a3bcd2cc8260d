package io.strom.datastream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Keyed state several times larger than the JVM heap, literally: {@link StateBeyondHeapJob} runs
 * in a child JVM with {@value #HEAP} of heap, writes {@value #KEYS} values of 1 KB into the RocksDB
 * backend, completes an incremental checkpoint holding all of them, and a second child JVM with
 * the same heap restores that checkpoint and reads every value back. Any OutOfMemoryError ends a
 * child with a non-zero exit code.
 *
 * <p>Isolated: the children need the machine's cores and disk for themselves, so nothing else may
 * run beside this test, should test classes ever run in parallel.
 */
@Isolated
class RocksDbStateBeyondHeapTest {
  private static final String HEAP = "128m";
  private static final long KEYS = 560_000;
  private static final long CHILD_TIMEOUT_SECONDS = 180;

  @TempDir Path work;

  @Test
  void stateFourTimesTheHeapIsCheckpointedRestoredAndReadBackInJvmsWithThatHeap()
      throws Exception {
    Map<String, String> written = runChild("write", work.toString(), Long.toString(KEYS));
    long maxHeap = Long.parseLong(written.get("maxHeap"));
    long expectedChecksum = StateBeyondHeapJob.expectedChecksum(KEYS);
    assertThat(maxHeap).as("child heap").isLessThanOrEqualTo(128L << 20);
    assertThat(Long.parseLong(written.get("sstBytes")))
        .as("table files of the checkpoint, against a heap of %d bytes", maxHeap)
        .isGreaterThanOrEqualTo(4 * maxHeap)
        .isGreaterThanOrEqualTo(KEYS * StateBeyondHeapJob.VALUE_BYTES);
    assertThat(Long.parseLong(written.get("checksum"))).as("written").isEqualTo(expectedChecksum);

    Map<String, String> read =
        runChild("read", work.toString(), Long.toString(KEYS), written.get("checkpoint"));
    assertThat(Long.parseLong(read.get("maxHeap"))).as("child heap").isEqualTo(maxHeap);
    assertThat(Long.parseLong(read.get("keys"))).as("keys read").isEqualTo(KEYS);
    assertThat(Long.parseLong(read.get("wrongValues"))).as("values read wrong").isZero();
    assertThat(Long.parseLong(read.get("checksum"))).as("read").isEqualTo(expectedChecksum);
  }

  /**
   * Runs {@link StateBeyondHeapJob} with {@code args} in a JVM with {@link #HEAP} of heap; returns
   * the pairs of its result line. Fails, showing the child's output, unless it exits with 0.
   */
  private Map<String, String> runChild(String... args) throws IOException, InterruptedException {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-Xmx" + HEAP,
                "-XX:+ExitOnOutOfMemoryError",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                StateBeyondHeapJob.class.getName()));
    command.addAll(List.of(args));
    Path stdout = work.resolve(args[0] + ".out");
    Path stderr = work.resolve(args[0] + ".err");
    Process child =
        new ProcessBuilder(command)
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .start();
    boolean ended = child.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (!ended) {
      child.destroyForcibly().waitFor();
    }
    String output = Files.readString(stdout);
    String log = "stdout:\n" + output + "\nstderr:\n" + tail(Files.readString(stderr));
    assertThat(ended).as("%s ended within %d s\n%s", args[0], CHILD_TIMEOUT_SECONDS, log).isTrue();
    assertThat(child.exitValue()).as("exit code of %s\n%s", args[0], log).isZero();
    String result =
        output
            .lines()
            .filter(line -> line.startsWith(StateBeyondHeapJob.RESULT_PREFIX + " "))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no result line from " + args[0] + "\n" + log));
    Map<String, String> pairs = new HashMap<>();
    for (String pair : result.substring(StateBeyondHeapJob.RESULT_PREFIX.length() + 1).split(" ")) {
      int eq = pair.indexOf('=');
      pairs.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    return pairs;
  }

  /** The end of a child's log: where its failure is. */
  private static String tail(String log) {
    int max = 20_000;
    return log.length() <= max ? log : "..." + log.substring(log.length() - max);
  }
}
