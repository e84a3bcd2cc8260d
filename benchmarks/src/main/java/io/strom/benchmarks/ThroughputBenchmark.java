package io.strom.benchmarks;

import io.strom.datastream.StreamExecutionEnvironment;

/** One throughput benchmark: builds a bounded program of {@code records} records and runs it. */
interface ThroughputBenchmark {

  /** Short name used on the command line, e.g. {@code chain}. */
  String name();

  /** What the program does, for the report. */
  String description();

  /** Adds the program to {@code env}; it must process exactly {@code records} source records. */
  void build(StreamExecutionEnvironment env, long records);
}
