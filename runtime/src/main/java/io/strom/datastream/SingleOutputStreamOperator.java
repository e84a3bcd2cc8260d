package io.strom.datastream;

import io.strom.api.OutputTag;
import io.strom.api.typeinfo.TypeInfo;
import io.strom.runtime.graph.ChainingStrategy;
import io.strom.runtime.graph.Partitioners;
import io.strom.runtime.graph.StreamNode;
import java.util.List;

/** The output of one operator, whose properties (parallelism, name, type) can still be set. */
public class SingleOutputStreamOperator<T> extends DataStream<T> {
  private final int nodeId;

  SingleOutputStreamOperator(StreamExecutionEnvironment env, int nodeId, TypeInfo<T> type) {
    super(env, List.of(new StreamInput(nodeId, Partitioners.forward(), null, type)), type);
    this.nodeId = nodeId;
  }

  /** The id of the operator's node in the program's stream graph. */
  public int getId() {
    return nodeId;
  }

  private StreamNode node() {
    return env.node(nodeId);
  }

  public SingleOutputStreamOperator<T> setParallelism(int parallelism) {
    node().setParallelism(parallelism);
    return this;
  }

  public int getParallelism() {
    return node().parallelism();
  }

  /** Names the operator in plans, thread names and errors. */
  public SingleOutputStreamOperator<T> name(String name) {
    env.rename(nodeId, name);
    return this;
  }

  /** A stable id for the operator, kept across program changes. */
  public SingleOutputStreamOperator<T> uid(String uid) {
    node().setUid(uid);
    return this;
  }

  /** Declares the element type, for faster exchanges and state than inspecting each value. */
  public SingleOutputStreamOperator<T> returns(TypeInfo<T> typeInfo) {
    env.setOutputType(nodeId, typeInfo);
    return new SingleOutputStreamOperator<>(env, nodeId, typeInfo);
  }

  /** Runs this operator in a task of its own. */
  public SingleOutputStreamOperator<T> disableChaining() {
    node().setChaining(ChainingStrategy.NEVER);
    return this;
  }

  /** Starts a new chain here: this operator is not fused with its predecessor. */
  public SingleOutputStreamOperator<T> startNewChain() {
    node().setChaining(ChainingStrategy.HEAD);
    return this;
  }

  /** The elements this operator emitted to the side output {@code tag}. */
  public <X> DataStream<X> getSideOutput(OutputTag<X> tag) {
    return new DataStream<>(
        env, List.of(new StreamInput(nodeId, Partitioners.forward(), tag, tag.type())), tag.type());
  }
}
