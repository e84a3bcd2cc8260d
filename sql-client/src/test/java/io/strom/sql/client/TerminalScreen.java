package io.strom.sql.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A program running in a real terminal (a tmux pane of a private tmux server), driven as a person
 * would: keys are typed into it and assertions read what the screen shows, as rendered by tmux.
 */
final class TerminalScreen implements AutoCloseable {
  private static final long TIMEOUT_SECONDS = 60;

  private final String socket = "strom-test-" + UUID.randomUUID();
  private final Path dir;

  private TerminalScreen(Path dir) {
    this.dir = dir;
  }

  /** Starts the shell ({@link SqlClient}) from the test class path with {@code args}. */
  static TerminalScreen shell(Path home, String... args) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("terminal");
    TerminalScreen screen = new TerminalScreen(dir);
    Path config = dir.resolve("tmux.conf");
    // A dead pane stays, so the test can read what the program printed last and its exit code.
    Files.writeString(config, "set -g remain-on-exit on\nset -g history-limit 10000\n");
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path launcher = dir.resolve("shell.sh");
    StringBuilder command = new StringBuilder();
    command.append("#!/bin/sh\n")
        .append("export HOME='").append(home).append("'\n")
        .append("export TERM=xterm-256color\n")
        .append("exec '").append(Path.of(System.getProperty("java.home"), "bin", "java")).append("'")
        .append(" -Xmx512m -XX:TieredStopAtLevel=1 -cp '").append(classPath).append("' ")
        .append(SqlClient.class.getName());
    for (String arg : args) {
      command.append(" '").append(arg).append("'");
    }
    command.append(" 2>'").append(dir.resolve("stderr.log")).append("'\n");
    Files.writeString(launcher, command.toString());
    launcher.toFile().setExecutable(true);
    screen.tmux("-f", config.toString(), "new-session", "-d", "-s", "shell", "-x", "150", "-y", "40",
        launcher.toString());
    return screen;
  }

  /** Types text as keys, without pressing Enter. */
  void type(String text) throws IOException, InterruptedException {
    // tmux reads an argument ending in ';' as the end of its command, so semicolons go as hex.
    String[] parts = text.split(";", -1);
    for (int i = 0; i < parts.length; i++) {
      if (!parts[i].isEmpty()) {
        tmux("send-keys", "-t", "shell", "-l", parts[i]);
      }
      if (i < parts.length - 1) {
        tmux("send-keys", "-t", "shell", "-H", "3b");
      }
    }
  }

  /**
   * Waits for the shell's prompt (first or continuation line) to be the last thing on screen, then
   * types a line and presses Enter. Keys typed before the prompt would reach the terminal while
   * the shell is not reading, where it echoes them and may lose the Enter, as for a person.
   */
  void typeLine(String text) throws IOException, InterruptedException {
    waitForPrompt();
    type(text);
    press("Enter");
  }

  /** Waits until the last line on screen is a prompt of the shell with nothing typed yet. */
  void waitForPrompt() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    while (true) {
      String shown = text().stripTrailing();
      String last = shown.substring(shown.lastIndexOf('\n') + 1);
      if (last.equals("Strom SQL>") || last.equals(">")) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("The shell never showed its prompt. Screen:\n" + shown);
      }
      Thread.sleep(50);
    }
  }

  /** Presses keys by tmux's names: {@code Enter}, {@code Tab}, {@code C-c}, {@code Up}, ... */
  void press(String... keys) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("send-keys", "-t", "shell"));
    command.addAll(List.of(keys));
    tmux(command.toArray(new String[0]));
  }

  /** What the screen shows now, with the scrollback above it; lines without trailing blanks. */
  String text() throws IOException, InterruptedException {
    return tmux("capture-pane", "-p", "-J", "-S", "-10000", "-t", "shell")
        .replaceAll("[ \\t]+\n", "\n");
  }

  /** What the visible screen shows now (a full-screen view has no scrollback). */
  String visibleText() throws IOException, InterruptedException {
    return tmux("capture-pane", "-p", "-t", "shell").replaceAll("[ \\t]+\n", "\n");
  }

  /** Waits until the visible screen shows {@code text}; returns the screen. */
  String waitForVisible(String text) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    while (true) {
      String shown = visibleText();
      if (shown.contains(text)) {
        return shown;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "The screen never showed '" + text + "'. Screen:\n" + shown + "\nstderr:\n" + stderr());
      }
      Thread.sleep(100);
    }
  }

  /** What the visible screen shows now, with colours as escape sequences. */
  String styledText() throws IOException, InterruptedException {
    return tmux("capture-pane", "-p", "-e", "-t", "shell");
  }

  /** Waits until the screen (with scrollback) shows {@code text} at least {@code times} times. */
  String waitFor(String text, int times) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    while (true) {
      String shown = text();
      if (count(shown, text) >= times) {
        return shown;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "The screen never showed '" + text + "' " + times + " time(s). Screen:\n" + shown
                + "\nstderr:\n" + stderr());
      }
      Thread.sleep(100);
    }
  }

  String waitFor(String text) throws IOException, InterruptedException {
    return waitFor(text, 1);
  }

  /** Waits for the program to end and returns its exit code. */
  int waitForExit() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    while (true) {
      String[] state = tmux("display-message", "-p", "-t", "shell", "#{pane_dead} #{pane_dead_status}")
          .strip().split(" ");
      // tmux marks the pane dead a moment before it knows the exit status.
      if (state[0].equals("1") && state.length > 1) {
        return Integer.parseInt(state[1]);
      }
      Integer exited = exitedProcessStatus();
      if (exited != null) {
        return exited;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "The program did not exit. Screen:\n" + text() + "\nThreads:\n" + threadDump());
      }
      Thread.sleep(100);
    }
  }

  /**
   * The exit code of the pane's process when it has ended but tmux has not noticed yet (tmux
   * started from a JVM sometimes leaves its exited child unreaped): Linux keeps the wait status of
   * such a zombie as the last field of {@code /proc/<pid>/stat}.
   */
  private Integer exitedProcessStatus() throws IOException, InterruptedException {
    String pid = tmux("display-message", "-p", "-t", "shell", "#{pane_pid}").strip();
    Path stat = Path.of("/proc", pid, "stat");
    String text;
    try {
      text = Files.readString(stat).strip();
    } catch (IOException gone) {
      return null;
    }
    String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
    if (!fields[0].equals("Z")) {
      return null;
    }
    return Integer.parseInt(fields[fields.length - 1]) >> 8;
  }

  /** The threads of the program (it runs as the pane's process), to see why it hangs. */
  private String threadDump() throws IOException, InterruptedException {
    String pid = tmux("display-message", "-p", "-t", "shell", "#{pane_pid}").strip();
    Path jstack = Path.of(System.getProperty("java.home"), "bin", "jstack");
    Process process =
        new ProcessBuilder(jstack.toString(), pid)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("threads.txt").toFile())
            .start();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    StringBuilder states = new StringBuilder();
    try (var tasks = Files.list(Path.of("/proc", pid, "task"))) {
      for (Path task : tasks.toList()) {
        String stat = Files.readString(task.resolve("stat"));
        String wchan = Files.exists(task.resolve("wchan")) ? Files.readString(task.resolve("wchan")) : "";
        states.append(stat, 0, Math.min(stat.length(), 60)).append(" wchan=").append(wchan).append('\n');
      }
    } catch (IOException e) {
      states.append("no /proc entry: ").append(e);
    }
    return "pid " + pid + "\n" + Files.readString(dir.resolve("threads.txt")) + "\n" + states;
  }

  String stderr() throws IOException {
    Path log = dir.resolve("stderr.log");
    return Files.exists(log) ? Files.readString(log) : "";
  }

  static int count(String haystack, String needle) {
    int n = 0;
    for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }

  private String tmux(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException("tmux " + String.join(" ", args) + " failed: "
          + new String(output, StandardCharsets.UTF_8));
    }
    return new String(output, StandardCharsets.UTF_8);
  }

  /** Ends the private tmux server and with it the program, if it still runs. */
  @Override
  public void close() throws IOException, InterruptedException {
    new ProcessBuilder("tmux", "-L", socket, "kill-server").start().waitFor(30, TimeUnit.SECONDS);
  }
}
