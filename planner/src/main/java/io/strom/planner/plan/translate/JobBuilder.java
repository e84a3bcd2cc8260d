package io.strom.planner.plan.translate;

import io.strom.api.eventtime.WatermarkStrategy;
import io.strom.api.typeinfo.Types;
import io.strom.configuration.Configuration;
import io.strom.configuration.PipelineOptions;
import io.strom.api.functions.KeySelector;
import io.strom.data.BinaryRow;
import io.strom.runtime.graph.StreamPartitioner;
import io.strom.data.Row;
import io.strom.runtime.graph.Partitioners;
import io.strom.runtime.graph.SourceSpec;
import io.strom.runtime.graph.StreamEdge;
import io.strom.runtime.graph.StreamGraph;
import io.strom.runtime.graph.StreamNode;
import io.strom.runtime.operators.Operator;
import io.strom.runtime.source.Source;
import io.strom.types.RowType;
import java.util.List;

/**
 * Builds the stream graph of a SQL job: sources, operators and sinks over rows, connected by
 * forward edges (or the exchanges a physical plan asks for), each edge serializing rows of its
 * producer's type.
 *
 * <p>Every node gets a uid derived from the plan: its name, the type of its rows, how its inputs
 * reach it, its inputs' uids and, for a stateful operator, its state signature: what decides the
 * layout and meaning of its state (keys, aggregate calls, window, rank range, join kind and keys,
 * ...), since an operator whose rows keep their type may still keep other state. The same query
 * planned again gets the same uids, so its state in a savepoint or checkpoint is found again; a
 * changed query gives the changed operators new uids, and a restore that finds state for an
 * operator the job no longer has names it.
 */
public final class JobBuilder {
  private final StreamGraph graph;
  private final int parallelism;
  private final int maxParallelism;
  private final java.util.Set<String> uids = new java.util.HashSet<>();
  /** Sub-plans translated so far, shared by every plan of the job (all inserts of a set). */
  private final java.util.Map<SubPlanKey, Output> translated = new java.util.HashMap<>();

  public JobBuilder(String jobName, Configuration configuration) {
    this(new StreamGraph(jobName, configuration), configuration);
  }

  /** Adds to an existing program's graph, e.g. a DataStream program's that a table joins. */
  public JobBuilder(StreamGraph graph, Configuration configuration) {
    this.graph = graph;
    this.parallelism = configuration.get(PipelineOptions.DEFAULT_PARALLELISM);
    this.maxParallelism = configuration.get(PipelineOptions.MAX_PARALLELISM);
  }

  /** The rows of a node already in the graph, e.g. one a program added itself. */
  public Output existingNode(int nodeId, RowType type) {
    graph.node(nodeId);
    return new Output(nodeId, type);
  }

  /**
   * What feeds the next operator: the producing nodes (several after a UNION ALL) and the type of
   * their rows.
   */
  public record Output(List<Integer> nodeIds, RowType type, Exchange exchange) {
    public Output {
      nodeIds = List.copyOf(nodeIds);
      if (nodeIds.isEmpty()) {
        throw new IllegalArgumentException("An output needs at least one producing node");
      }
    }

    Output(int nodeId, RowType type) {
      this(List.of(nodeId), type, null);
    }

    /** The rows of both outputs, as one (they must have the same type). */
    public Output union(Output other) {
      if (exchange != null || other.exchange != null) {
        throw new IllegalStateException("Bug: a union of exchanged outputs");
      }
      List<Integer> all = new java.util.ArrayList<>(nodeIds);
      all.addAll(other.nodeIds);
      return new Output(all, type, null);
    }

    /** These rows, sent to the next operator by key: see {@link Exchange}. */
    public Output exchangedBy(Exchange exchange) {
      if (this.exchange != null) {
        throw new IllegalStateException("Bug: an output exchanged twice");
      }
      return new Output(nodeIds, type, exchange);
    }
  }

  /**
   * How rows reach the next operator when not forwarded: hashed by a key, so the operator is keyed
   * by it, at the default parallelism or, for a singleton, at parallelism 1.
   */
  public record Exchange(KeySelector<Row, BinaryRow> key, boolean singleton) {}

  public Output source(String name, Source<Row, ?> source, RowType type, boolean singleInstance) {
    return source(name, source, type, singleInstance, WatermarkStrategy.noWatermarks());
  }

  /** Adds a source whose splits get timestamps and watermarks from {@code watermarks}. */
  public Output source(
      String name,
      Source<Row, ?> source,
      RowType type,
      boolean singleInstance,
      WatermarkStrategy<Row> watermarks) {
    StreamNode node =
        graph.addNode(
            StreamNode.source(
                graph.nextNodeId(),
                name,
                new SourceSpec<>(source, watermarks),
                singleInstance ? 1 : parallelism));
    node.setUid(uid(name, type, null));
    return new Output(node.id(), type);
  }

  /** Adds a one-input operator after {@code input}, forward connected, with the input's parallelism. */
  public Output operator(String name, Operator<Row> operator, Output input, RowType outputType) {
    return operator(name, operator, input, outputType, null);
  }

  /**
   * Adds a one-input operator as {@link #operator(String, Operator, Output, RowType)} does, whose
   * uid also digests {@code stateSignature} (see {@link StateSignature}); null for none.
   */
  public Output operator(
      String name,
      Operator<Row> operator,
      Output input,
      RowType outputType,
      String stateSignature) {
    int p = input.exchange() == null
        ? parallelismOf(input)
        : input.exchange().singleton() ? 1 : parallelism;
    StreamNode node =
        graph.addNode(StreamNode.operator(graph.nextNodeId(), name, operator, 1, p));
    node.setUid(uid(name, outputType, stateSignature, input));
    connect(input, node, 0);
    return new Output(node.id(), outputType);
  }

  /**
   * Adds a two-input operator reading {@code left} and {@code right}, both exchanged by key: at
   * the default parallelism, or 1 when an exchange is to a single subtask. Its uid digests
   * {@code stateSignature} (see {@link StateSignature}).
   */
  public Output twoInputOperator(
      String name,
      Operator<Row> operator,
      Output left,
      Output right,
      RowType outputType,
      String stateSignature) {
    if (left.exchange() == null || right.exchange() == null) {
      throw new IllegalStateException("Bug: both inputs of a two-input operator must be exchanged");
    }
    int p = left.exchange().singleton() || right.exchange().singleton() ? 1 : parallelism;
    StreamNode node =
        graph.addNode(StreamNode.operator(graph.nextNodeId(), name, operator, 2, p));
    // Both inputs are part of the digest, in order: a join whose either side changes gets a new
    // uid, so its state is not silently restored into a different join.
    node.setUid(uid(name, outputType, stateSignature, left, right));
    connect(left, node, 0);
    connect(right, node, 1);
    return new Output(node.id(), outputType);
  }

  /** Adds a sink after {@code input}; {@code parallelism} null keeps the input's. */
  public void sink(String name, Operator<Void> sink, Output input, Integer parallelism) {
    int p = parallelism != null ? parallelism : parallelismOf(input);
    StreamNode node = graph.addNode(StreamNode.operator(graph.nextNodeId(), name, sink, 1, p));
    // A sink's state (files or transactions not yet committed) belongs to the table it writes,
    // not to the query: its uid leaves the inputs out, so a changed aggregation upstream whose
    // state is dropped with ignore-unclaimed-state still hands the sink its own state.
    node.setUid(uid(name, input.type(), null));
    connect(input, node, 0);
  }

  /**
   * {@code <name>-<digest>}: readable in messages, and equal for equal plans. A second node with
   * the same digest (the same subquery twice) gets a counter. Without a state signature the
   * digest is what it was before operators had one, so stateless operators keep their uids.
   */
  private String uid(String name, RowType type, String stateSignature, Output... inputs) {
    StringBuilder plan = new StringBuilder(name).append('|').append(type);
    if (stateSignature != null) {
      plan.append("|state=").append(stateSignature);
    }
    for (Output input : inputs) {
      for (int id : input.nodeIds()) {
        plan.append('|').append(graph.node(id).uid());
      }
      Exchange exchange = input.exchange();
      plan.append(exchange == null ? "|forward" : exchange.singleton() ? "|single" : "|hash");
    }
    String digest =
        java.util.UUID.nameUUIDFromBytes(
                plan.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .toString()
            .substring(0, 8);
    String base = name + "-" + digest;
    String uid = base;
    for (int n = 2; !uids.add(uid); n++) {
      uid = base + "-" + n;
    }
    return uid;
  }

  /** The parallelism of what follows {@code input}: that of its producers (the largest, after a union). */
  private int parallelismOf(Output input) {
    int p = 1;
    for (int id : input.nodeIds()) {
      p = Math.max(p, graph.node(id).parallelism());
    }
    return p;
  }

  private void connect(Output input, StreamNode target, int inputIndex) {
    StreamPartitioner<Row> partitioner = Partitioners.forward();
    if (input.exchange() != null) {
      partitioner = Partitioners.hash(input.exchange().key(), maxParallelism);
      target.setKeySelector(inputIndex, input.exchange().key());
    }
    for (int id : input.nodeIds()) {
      graph.addEdge(
          new StreamEdge(
              id,
              target.id(),
              inputIndex,
              partitioner,
              null,
              Types.row(input.type()).createSerializer()));
    }
  }

  /** The output of a sub-plan already in the job, or null. */
  Output translated(SubPlanKey key) {
    return translated.get(key);
  }

  /** Records the output of a sub-plan, for later consumers of an equal one. */
  void rememberTranslated(SubPlanKey key, Output output) {
    translated.put(key, output);
  }

  public StreamGraph graph() {
    return graph;
  }
}
