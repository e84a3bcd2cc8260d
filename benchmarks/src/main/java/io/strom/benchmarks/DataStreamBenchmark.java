package io.strom.benchmarks;

import io.strom.datastream.StreamExecutionEnvironment;

/** A benchmark written as a DataStream program, timed from submission to the end of the job. */
interface DataStreamBenchmark extends ThroughputBenchmark {

  /** Adds the program to {@code env}; it must process exactly {@code records} source records. */
  void build(StreamExecutionEnvironment env, long records);

  @Override
  default double run(long records, int parallelism) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    build(env, records);
    long start = System.nanoTime();
    env.execute(name());
    return records / ((System.nanoTime() - start) / 1e9);
  }
}
