package io.strom.datastream;

import static java.util.Objects.requireNonNull;

import io.strom.api.eventtime.WatermarkStrategy;
import io.strom.api.functions.FilterFunction;
import io.strom.api.functions.FlatMapFunction;
import io.strom.api.functions.KeySelector;
import io.strom.api.functions.MapFunction;
import io.strom.api.typeinfo.TypeInfo;
import io.strom.datastream.functions.ProcessFunction;
import io.strom.datastream.functions.SinkFunction;
import io.strom.datastream.operators.FilterOperator;
import io.strom.datastream.operators.FlatMapOperator;
import io.strom.datastream.operators.MapOperator;
import io.strom.datastream.operators.ProcessOperator;
import io.strom.datastream.operators.SinkFunctionOperator;
import io.strom.datastream.operators.TimestampsAndWatermarksOperator;
import io.strom.datastream.sink.PrintSink;
import io.strom.datastream.sink.Sink;
import io.strom.datastream.sink.SinkOperator;
import io.strom.runtime.graph.Partitioners;
import io.strom.runtime.graph.StreamPartitioner;
import io.strom.runtime.operators.OneInputOperator;
import java.util.ArrayList;
import java.util.List;

/**
 * A stream of elements of type {@code T}, built lazily: every method adds to the program, and
 * nothing runs until {@link StreamExecutionEnvironment#execute()}.
 */
public class DataStream<T> {
  protected final StreamExecutionEnvironment env;
  final List<StreamInput> inputs;
  protected final TypeInfo<T> type;
  /** The program graph the stream was built in; executing the program starts a new one. */
  final io.strom.runtime.graph.StreamGraph graph;

  DataStream(StreamExecutionEnvironment env, List<StreamInput> inputs, TypeInfo<T> type) {
    this.env = requireNonNull(env, "env");
    this.graph = env.getStreamGraph();
    this.inputs = List.copyOf(inputs);
    this.type = requireNonNull(type, "type");
  }

  public StreamExecutionEnvironment getExecutionEnvironment() {
    return env;
  }

  /** The element type as known to the engine. */
  public TypeInfo<T> getType() {
    return type;
  }

  public <R> SingleOutputStreamOperator<R> map(MapFunction<T, R> mapper) {
    return env.addOperator("Map", new MapOperator<>(mapper), this, TypeInfo.generic());
  }

  public SingleOutputStreamOperator<T> filter(FilterFunction<T> filter) {
    return env.addOperator("Filter", new FilterOperator<>(filter), this, type);
  }

  public <R> SingleOutputStreamOperator<R> flatMap(FlatMapFunction<T, R> flatMapper) {
    return env.addOperator("Flat Map", new FlatMapOperator<>(flatMapper), this, TypeInfo.generic());
  }

  public <R> SingleOutputStreamOperator<R> process(ProcessFunction<T, R> function) {
    return env.addOperator("Process", new ProcessOperator<>(function), this, TypeInfo.generic());
  }

  /**
   * Applies an operator written against the runtime's operator interface directly, for what the
   * function-based methods cannot express (own checkpoint hooks, for instance).
   */
  public <R> SingleOutputStreamOperator<R> transform(
      String name, TypeInfo<R> outputType, OneInputOperator<T, R> operator) {
    requireNonNull(operator, "operator");
    return env.addOperator(name, operator, this, outputType);
  }

  /** Assigns event timestamps and generates watermarks here, replacing those from upstream. */
  public SingleOutputStreamOperator<T> assignTimestampsAndWatermarks(WatermarkStrategy<T> strategy) {
    return env.addOperator(
        "Timestamps/Watermarks", new TimestampsAndWatermarksOperator<>(strategy), this, type);
  }

  /** Partitions the stream by key: all elements with equal keys go to the same parallel instance. */
  public <K> KeyedStream<T, K> keyBy(KeySelector<T, K> keySelector) {
    requireNonNull(keySelector, "keySelector");
    return new KeyedStream<>(this, keySelector);
  }

  /** Merges streams of the same type into one. */
  @SafeVarargs
  public final DataStream<T> union(DataStream<T>... others) {
    List<StreamInput> all = new ArrayList<>(inputs);
    for (DataStream<T> other : others) {
      if (other.env != env) {
        throw new IllegalArgumentException("Cannot union streams of different environments");
      }
      all.addAll(other.inputs);
    }
    return new DataStream<>(env, all, type);
  }

  /** Connects two streams, possibly of different types, for a two-input function. */
  public <R> ConnectedStreams<T, R> connect(DataStream<R> other) {
    return new ConnectedStreams<>(env, this, other);
  }

  /** Spreads elements round-robin over the next operator's parallel instances. */
  public DataStream<T> rebalance() {
    return withPartitioner(Partitioners.rebalance());
  }

  /** Sends every element to every parallel instance of the next operator. */
  public DataStream<T> broadcast() {
    return withPartitioner(Partitioners.broadcast());
  }

  /** Sends every element to the first parallel instance of the next operator. */
  public DataStream<T> global() {
    return withPartitioner(Partitioners.global());
  }

  /** Keeps elements with the same parallel instance index; parallelism must not change. */
  public DataStream<T> forward() {
    return withPartitioner(Partitioners.forward());
  }

  DataStream<T> withPartitioner(StreamPartitioner<T> partitioner) {
    List<StreamInput> repartitioned = new ArrayList<>();
    for (StreamInput input : inputs) {
      repartitioned.add(input.withPartitioner(partitioner));
    }
    return new DataStream<>(env, repartitioned, type);
  }

  public DataStreamSink<T> sinkTo(Sink<T> sink) {
    return env.addSink("Sink", new SinkOperator<>(sink), this);
  }

  public DataStreamSink<T> addSink(SinkFunction<T> sinkFunction) {
    return env.addSink("Sink", new SinkFunctionOperator<>(sinkFunction), this);
  }

  /** Prints each element to standard output. */
  public DataStreamSink<T> print() {
    return env.addSink("Print to Std. Out", new SinkOperator<>(new PrintSink<>()), this);
  }

  /** Prints each element to standard output after {@code prefix}. */
  public DataStreamSink<T> print(String prefix) {
    return env.addSink(
        "Print to Std. Out", new SinkOperator<>(new PrintSink<>(prefix, false)), this);
  }

  /** Runs the program and returns every element of this stream (bounded programs only). */
  public List<T> executeAndCollect(String jobName) throws Exception {
    return env.executeAndCollect(this, jobName);
  }

  public List<T> executeAndCollect() throws Exception {
    return executeAndCollect("collect");
  }
}
