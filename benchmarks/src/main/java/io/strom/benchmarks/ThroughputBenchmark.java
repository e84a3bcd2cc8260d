package io.strom.benchmarks;

/** One throughput benchmark: a bounded program over a given number of records. */
interface ThroughputBenchmark {

  /** Short name used on the command line, e.g. {@code chain}. */
  String name();

  /** What the program does, for the report. */
  String description();

  /** Runs the program over {@code records} records and returns records per second. */
  double run(long records, int parallelism) throws Exception;
}
