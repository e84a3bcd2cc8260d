package io.strom.sql.client;

import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;

/**
 * A line that says a statement is still working (how long, and that Ctrl-C cancels it), shown
 * once a statement has run for a second and rewritten in place every second. The shell starts it
 * around work that prints nothing while it runs (planning, a bounded INSERT) and stops it before
 * printing a result, so it never mixes with output.
 */
final class ProgressLine {
  private static final long DELAY_MILLIS = 1000;

  private final PrintWriter out;
  private Thread ticker;
  private boolean shown;

  ProgressLine(PrintWriter out) {
    this.out = out;
  }

  /** Starts counting; the line appears after a second. Called on the shell's thread. */
  void start() {
    stop();
    long started = System.nanoTime();
    Thread thread =
        new Thread(
            () -> {
              try {
                Thread.sleep(DELAY_MILLIS);
                while (true) {
                  draw(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
                  Thread.sleep(DELAY_MILLIS);
                }
              } catch (InterruptedException e) {
                // stop() ends the ticker by interrupting it.
              }
            },
            "shell-progress");
    thread.setDaemon(true);
    synchronized (this) {
      ticker = thread;
    }
    thread.start();
  }

  private synchronized void draw(long seconds) {
    if (ticker == null) {
      return;
    }
    out.print("\r[Running for " + seconds + " s; Ctrl-C cancels]");
    out.flush();
    shown = true;
  }

  /** Stops the line and erases it if it was shown. Called on the shell's thread. */
  void stop() {
    Thread running;
    synchronized (this) {
      running = ticker;
      ticker = null;
    }
    if (running != null) {
      running.interrupt();
      try {
        running.join(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (this) {
      if (shown) {
        out.print("\r\033[K");
        out.flush();
        shown = false;
      }
    }
  }
}
