package io.strom.benchmarks;

import java.util.Arrays;
import java.util.Locale;

/** Prints pauses a benchmark measured, best and median of its runs, in milliseconds. */
final class PauseTable {
  private PauseTable() {}

  /** The header: what each row measures and what it counts. */
  static void header(String what, String counted) {
    System.out.printf(
        Locale.ROOT, "%-26s %10s %12s %12s%n", what, counted, "best ms", "median ms");
  }

  static void row(String label, long count, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf(
        Locale.ROOT, "%-26s %10d %12.2f %12.2f%n", label, count, sorted[0] / 1e6,
        sorted[sorted.length / 2] / 1e6);
  }
}
