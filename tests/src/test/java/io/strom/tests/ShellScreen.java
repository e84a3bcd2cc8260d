package io.strom.tests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The shell of a process running in a pseudo-terminal: what it has printed so far, collected on a
 * background thread, and the keys typed into it.
 */
final class ShellScreen {
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final OutputStream keyboard;

  /** Starts collecting what {@code shell} prints. */
  ShellScreen(Process shell) {
    this.keyboard = shell.getOutputStream();
    Thread reader = new Thread(() -> copy(shell.getInputStream()), "shell-screen");
    reader.setDaemon(true);
    reader.start();
  }

  private void copy(InputStream in) {
    byte[] buffer = new byte[4096];
    try {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        synchronized (printed) {
          printed.write(buffer, 0, n);
        }
      }
    } catch (IOException e) {
      // The shell ended; what it printed is in the buffer.
    }
  }

  /** Everything printed so far. */
  String text() {
    synchronized (printed) {
      return printed.toString(StandardCharsets.UTF_8);
    }
  }

  /** Waits up to a minute until {@code text} has been printed {@code occurrences} times. */
  void waitFor(String text, int occurrences) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (count(text(), text) < occurrences) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("The shell never showed '" + text + "'. Screen:\n" + text());
      }
      Thread.sleep(20);
    }
  }

  private static int count(String haystack, String needle) {
    int n = 0;
    for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }

  /** Types a line and presses Enter. */
  void type(String line) throws IOException {
    keyboard.write((line + "\r").getBytes(StandardCharsets.UTF_8));
    keyboard.flush();
  }

  /** Presses Ctrl-C. */
  void interrupt() throws IOException {
    keyboard.write(3);
    keyboard.flush();
  }
}
