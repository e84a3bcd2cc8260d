package io.strom.datastream;

import io.strom.runtime.graph.StreamNode;

/** A sink of the program, whose properties can still be set. */
public final class DataStreamSink<T> {
  private final StreamExecutionEnvironment env;
  private final int nodeId;

  DataStreamSink(StreamExecutionEnvironment env, int nodeId) {
    this.env = env;
    this.nodeId = nodeId;
  }

  private StreamNode node() {
    return env.node(nodeId);
  }

  public DataStreamSink<T> setParallelism(int parallelism) {
    node().setParallelism(parallelism);
    return this;
  }

  public DataStreamSink<T> name(String name) {
    env.rename(nodeId, name);
    return this;
  }

  public DataStreamSink<T> uid(String uid) {
    node().setUid(uid);
    return this;
  }

  public DataStreamSink<T> disableChaining() {
    node().setChaining(io.strom.runtime.graph.ChainingStrategy.NEVER);
    return this;
  }
}
