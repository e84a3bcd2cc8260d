package io.strom.datastream;

import static java.util.Objects.requireNonNull;

import io.strom.api.eventtime.WatermarkStrategy;
import io.strom.api.typeinfo.TypeInfo;
import io.strom.api.typeinfo.Types;
import io.strom.configuration.Configuration;
import io.strom.configuration.ConfigurationLoader;
import io.strom.configuration.PipelineOptions;
import io.strom.datastream.sink.CollectSink;
import io.strom.datastream.sink.SinkOperator;
import io.strom.runtime.cluster.JobClient;
import io.strom.runtime.cluster.JobExecutionException;
import io.strom.runtime.cluster.JobExecutionResult;
import io.strom.runtime.cluster.MiniCluster;
import io.strom.runtime.graph.JobGraph;
import io.strom.runtime.graph.JobGraphBuilder;
import io.strom.runtime.graph.SourceSpec;
import io.strom.runtime.graph.StreamEdge;
import io.strom.runtime.graph.StreamGraph;
import io.strom.runtime.graph.StreamNode;
import io.strom.runtime.operators.Operator;
import io.strom.runtime.source.Source;
import io.strom.runtime.source.lib.CollectionSource;
import io.strom.runtime.source.lib.NumberSequenceSource;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Where a DataStream program is built and run. Building only records the program; {@link
 * #execute} turns it into a job, runs it on an embedded cluster and waits for it (a bounded job
 * ends when its sources are drained; an unbounded one runs until cancelled through the {@link
 * JobClient} of {@link #executeAsync}).
 */
public final class StreamExecutionEnvironment {
  private final Configuration configuration;
  private StreamGraph graph;
  private final Map<Integer, TypeInfo<?>> outputTypes = new HashMap<>();
  private int sinks;

  private StreamExecutionEnvironment(Configuration configuration) {
    this.configuration = new Configuration(configuration);
    reset();
  }

  /** An environment with the default configuration file's settings. */
  public static StreamExecutionEnvironment getExecutionEnvironment() {
    return new StreamExecutionEnvironment(ConfigurationLoader.loadDefault());
  }

  /** An environment with the default settings overridden by {@code configuration}. */
  public static StreamExecutionEnvironment getExecutionEnvironment(Configuration configuration) {
    Configuration merged = ConfigurationLoader.loadDefault();
    merged.addAll(configuration);
    return new StreamExecutionEnvironment(merged);
  }

  /** An environment with built-in defaults only, ignoring configuration files. */
  public static StreamExecutionEnvironment createLocalEnvironment(int parallelism) {
    StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
    env.setParallelism(parallelism);
    return env;
  }

  private void reset() {
    graph = new StreamGraph("Strom Streaming Job", configuration);
    outputTypes.clear();
    sinks = 0;
  }

  /** The job's settings; changes apply to jobs executed afterwards. */
  public Configuration getConfiguration() {
    return configuration;
  }

  public StreamExecutionEnvironment setParallelism(int parallelism) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("Parallelism must be at least 1, was " + parallelism);
    }
    configuration.set(PipelineOptions.DEFAULT_PARALLELISM, parallelism);
    return this;
  }

  public int getParallelism() {
    return configuration.get(PipelineOptions.DEFAULT_PARALLELISM);
  }

  public StreamExecutionEnvironment setMaxParallelism(int maxParallelism) {
    if (maxParallelism < 1 || maxParallelism > 32768) {
      throw new IllegalArgumentException("Max parallelism must be in [1, 32768]: " + maxParallelism);
    }
    configuration.set(PipelineOptions.MAX_PARALLELISM, maxParallelism);
    return this;
  }

  public int getMaxParallelism() {
    return configuration.get(PipelineOptions.MAX_PARALLELISM);
  }

  /** How long partly filled network buffers wait before they are sent; 0 sends every record. */
  public StreamExecutionEnvironment setBufferTimeout(long millis) {
    configuration.set(PipelineOptions.BUFFER_TIMEOUT, Duration.ofMillis(millis));
    return this;
  }

  /** How often sources emit watermarks; 0 after every record. */
  public StreamExecutionEnvironment setAutoWatermarkInterval(long millis) {
    configuration.set(PipelineOptions.AUTO_WATERMARK_INTERVAL, Duration.ofMillis(millis));
    return this;
  }

  // ---- sources

  @SafeVarargs
  public final <T> DataStreamSource<T> fromElements(T... elements) {
    return fromCollection(Arrays.asList(elements));
  }

  /** The elements of a collection, in order, from a single parallel instance. */
  public <T> DataStreamSource<T> fromCollection(Collection<T> elements) {
    return fromCollection(elements, inferType(elements));
  }

  public <T> DataStreamSource<T> fromCollection(Collection<T> elements, TypeInfo<T> type) {
    DataStreamSource<T> source =
        fromSource(
            new CollectionSource<>(elements), WatermarkStrategy.noWatermarks(), "Collection", type);
    source.setParallelism(1);
    return source;
  }

  /** The numbers from {@code from} to {@code to}, both included, read in parallel. */
  public DataStreamSource<Long> fromSequence(long from, long to) {
    return fromSource(
        new NumberSequenceSource(from, to), WatermarkStrategy.noWatermarks(), "Sequence", Types.LONG);
  }

  public <T> DataStreamSource<T> fromSource(
      Source<T, ?> source, WatermarkStrategy<T> watermarkStrategy, String name) {
    return fromSource(source, watermarkStrategy, name, TypeInfo.generic());
  }

  public <T> DataStreamSource<T> fromSource(
      Source<T, ?> source, WatermarkStrategy<T> watermarkStrategy, String name, TypeInfo<T> type) {
    StreamNode node =
        graph.addNode(
            StreamNode.source(
                graph.nextNodeId(), name, new SourceSpec<>(source, watermarkStrategy), getParallelism()));
    outputTypes.put(node.id(), type);
    return new DataStreamSource<>(this, node.id(), type);
  }

  @SuppressWarnings("unchecked")
  private static <T> TypeInfo<T> inferType(Collection<T> elements) {
    Class<?> common = null;
    for (T e : elements) {
      if (e == null) {
        return TypeInfo.generic();
      }
      if (common == null) {
        common = e.getClass();
      } else if (common != e.getClass()) {
        return TypeInfo.generic();
      }
    }
    if (common == Long.class) {
      return (TypeInfo<T>) Types.LONG;
    }
    if (common == String.class) {
      return (TypeInfo<T>) Types.STRING;
    }
    if (common == Integer.class) {
      return (TypeInfo<T>) Types.INT;
    }
    return TypeInfo.generic();
  }

  // ---- building, used by the stream classes and by libraries that add nodes themselves

  /**
   * The program as built so far. Libraries that translate into the program (the table bridge)
   * add nodes here and hand them back as streams with {@link #streamOf}; it is replaced by a new,
   * empty graph when the program is executed.
   */
  public StreamGraph getStreamGraph() {
    return graph;
  }

  /** A stream of what the given nodes of {@link #getStreamGraph()} emit, as elements of {@code type}. */
  public <T> DataStream<T> streamOf(List<Integer> nodeIds, TypeInfo<T> type) {
    List<StreamInput> inputs = new java.util.ArrayList<>();
    for (int id : nodeIds) {
      graph.node(id);
      outputTypes.put(id, type);
      inputs.add(new StreamInput(id, io.strom.runtime.graph.Partitioners.forward(), null, type));
    }
    return new DataStream<>(this, inputs, type);
  }

  StreamNode node(int id) {
    return graph.node(id);
  }

  void rename(int nodeId, String name) {
    graph.node(nodeId).setName(name);
  }

  void setOutputType(int nodeId, TypeInfo<?> type) {
    outputTypes.put(nodeId, type);
  }

  <R> SingleOutputStreamOperator<R> addOperator(
      String name, Operator<R> operator, DataStream<?> input, TypeInfo<R> outputType) {
    StreamNode node =
        graph.addNode(StreamNode.operator(graph.nextNodeId(), name, operator, 1, getParallelism()));
    connect(input, node, 0);
    outputTypes.put(node.id(), outputType);
    return new SingleOutputStreamOperator<>(this, node.id(), outputType);
  }

  <R> SingleOutputStreamOperator<R> addTwoInputOperator(
      String name,
      Operator<R> operator,
      DataStream<?> first,
      DataStream<?> second,
      TypeInfo<R> outputType,
      io.strom.api.functions.KeySelector<?, ?> firstKey,
      io.strom.api.functions.KeySelector<?, ?> secondKey) {
    StreamNode node =
        graph.addNode(StreamNode.operator(graph.nextNodeId(), name, operator, 2, getParallelism()));
    connect(first, node, 0);
    connect(second, node, 1);
    node.setKeySelector(0, firstKey);
    node.setKeySelector(1, secondKey);
    outputTypes.put(node.id(), outputType);
    return new SingleOutputStreamOperator<>(this, node.id(), outputType);
  }

  <T> DataStreamSink<T> addSink(String name, Operator<Void> sink, DataStream<T> input) {
    SingleOutputStreamOperator<Void> op = addOperator(name, sink, input, TypeInfo.generic());
    sinks++;
    return new DataStreamSink<>(this, op.inputs.get(0).nodeId());
  }

  private void connect(DataStream<?> input, StreamNode node, int inputIndex) {
    if (input.env != this) {
      throw new IllegalArgumentException("A stream of another environment cannot be used here");
    }
    if (input.graph != graph) {
      throw new IllegalStateException(
          "This stream was built before the program was executed; executing a program clears it,"
              + " so build the streams of the next program anew");
    }
    for (StreamInput in : input.inputs) {
      TypeInfo<?> type = in.sideOutput() != null ? in.type() : outputTypes.get(in.nodeId());
      graph.addEdge(
          new StreamEdge(
              in.nodeId(),
              node.id(),
              inputIndex,
              in.partitioner(),
              in.sideOutput(),
              type.createSerializer()));
    }
    if (input instanceof KeyedStream<?, ?> keyed && inputIndex == 0) {
      node.setKeySelector(0, keyed.getKeySelector());
    }
  }

  // ---- running

  /** Turns the program into a job graph and clears the program. */
  public JobGraph getJobGraph(String jobName) {
    requireNonNull(jobName, "jobName");
    if (sinks == 0) {
      throw new IllegalStateException(
          "The program has no sinks, so there is nothing to execute. Add print(), sinkTo(...) or"
              + " addSink(...) to a stream.");
    }
    graph.setJobName(jobName);
    graph.setConfiguration(configuration);
    JobGraph job = JobGraphBuilder.build(graph);
    reset();
    return job;
  }

  public JobExecutionResult execute() throws Exception {
    return execute(configuration.get(PipelineOptions.NAME) == null
        ? "Strom Streaming Job" : configuration.get(PipelineOptions.NAME));
  }

  /**
   * Runs the program on an embedded cluster and waits until it ends.
   *
   * @throws JobExecutionException when the job fails; its cause is the exception that failed it
   */
  public JobExecutionResult execute(String jobName) throws Exception {
    JobClient client = executeAsync(jobName);
    try {
      return client.result().get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof JobExecutionException jee) {
        throw jee;
      }
      throw e;
    } catch (InterruptedException e) {
      client.cancel();
      throw e;
    }
  }

  /** Starts the program on an embedded cluster that shuts down when the job ends. */
  public JobClient executeAsync(String jobName) throws Exception {
    JobGraph job = getJobGraph(jobName);
    MiniCluster cluster = new MiniCluster(configuration);
    JobClient client;
    try {
      client = cluster.submit(job, Thread.currentThread().getContextClassLoader());
    } catch (Exception e) {
      cluster.close();
      throw e;
    }
    CompletableFuture<JobExecutionResult> closed =
        client.result().whenComplete((r, e) -> closeQuietly(cluster));
    return new ClusterOwningJobClient(client, closed);
  }

  private static void closeQuietly(MiniCluster cluster) {
    try {
      cluster.close();
    } catch (Exception e) {
      org.slf4j.LoggerFactory.getLogger(StreamExecutionEnvironment.class)
          .warn("Shutting down the embedded cluster failed", e);
    }
  }

  <T> List<T> executeAndCollect(DataStream<T> stream, String jobName) throws Exception {
    CollectSink<T> sink = new CollectSink<>();
    DataStreamSink<T> added =
        addSink("Collect", new SinkOperator<>(sink), stream);
    added.setParallelism(1);
    try {
      execute(jobName);
      return sink.results();
    } finally {
      sink.discard();
    }
  }
}
