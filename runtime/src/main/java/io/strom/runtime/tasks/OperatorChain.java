package io.strom.runtime.tasks;

import io.strom.runtime.checkpoint.CheckpointBarrier;
import io.strom.api.OutputTag;
import io.strom.configuration.PipelineOptions;
import io.strom.configuration.TaskManagerOptions;
import io.strom.runtime.checkpoint.OperatorKeys;
import io.strom.runtime.checkpoint.TaskRestore;
import io.strom.runtime.graph.JobEdge;
import io.strom.runtime.graph.JobVertex;
import io.strom.runtime.graph.StreamEdge;
import io.strom.runtime.graph.StreamNode;
import io.strom.runtime.network.ChannelTarget;
import io.strom.runtime.network.PartitionBufferPool;
import io.strom.runtime.network.RecordWriter;
import io.strom.runtime.operators.DefaultOperatorContext;
import io.strom.runtime.operators.OneInputOperator;
import io.strom.runtime.operators.Operator;
import io.strom.runtime.operators.Output;
import io.strom.serde.TypeSerializer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operators of one subtask, wired together: chained operators call each other directly, and
 * edges to other tasks go through record writers. Opens operators last-first (so an operator's
 * consumers are ready before it emits), finishes them first-last (so what one flushes reaches the
 * next before that one finishes), and closes them all.
 *
 * <p>Used only on the task's thread.
 */
final class OperatorChain {
  private static final Logger LOG = LoggerFactory.getLogger(OperatorChain.class);

  /** An operator of the chain with the context it runs in. */
  record ChainedOperator(StreamNode node, Operator<?> operator, DefaultOperatorContext<?> context) {}

  private final List<ChainedOperator> operators = new ArrayList<>();
  private final List<RecordWriter<?>> writers = new ArrayList<>();
  private Output<?> sourceOutput;

  OperatorChain(
      JobVertex vertex, int subtask, TaskEnvironment env, OperatorContextFactory contexts) {
    Map<StreamEdge, RecordWriter<?>> writerOfEdge = createWriters(vertex, subtask, env);
    Map<Integer, Operator<?>> operatorOfNode = new HashMap<>();
    List<StreamNode> nodes = vertex.nodes();
    for (int i = nodes.size() - 1; i >= 0; i--) {
      StreamNode node = nodes.get(i);
      Output<Object> output = outputOf(node, vertex, operatorOfNode, writerOfEdge);
      if (node.isSource()) {
        sourceOutput = output;
      } else {
        Operator<?> operator = node.operator();
        operatorOfNode.put(node.id(), operator);
        operators.add(0, new ChainedOperator(node, operator, contexts.create(node, output)));
      }
    }
  }

  /** Builds the operator contexts of a chain. */
  interface OperatorContextFactory {
    DefaultOperatorContext<Object> create(StreamNode node, Output<Object> output);
  }

  private Map<StreamEdge, RecordWriter<?>> createWriters(
      JobVertex vertex, int subtask, TaskEnvironment env) {
    boolean flushEveryRecord = env.configuration().get(PipelineOptions.BUFFER_TIMEOUT).isZero();
    int perChannel = env.configuration().get(TaskManagerOptions.BUFFERS_PER_CHANNEL);
    int floating = env.configuration().get(TaskManagerOptions.FLOATING_BUFFERS);
    // By identity: a stream may be connected to the same operator twice (a union with itself).
    Map<StreamEdge, RecordWriter<?>> result = new IdentityHashMap<>();
    for (JobEdge edge : vertex.outputs()) {
      ChannelTarget[] targets = env.exchanges().targets(edge, subtask);
      String owner =
          "Output of '" + vertex.name() + "' (" + (subtask + 1) + "/" + vertex.parallelism() + ")";
      PartitionBufferPool pool =
          new PartitionBufferPool(
              env.bufferPool(), targets.length * perChannel + floating, owner);
      RecordWriter<?> writer = newWriter(edge, subtask, targets, pool, flushEveryRecord);
      writers.add(writer);
      result.put(edge.streamEdge(), writer);
    }
    return result;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static RecordWriter<?> newWriter(
      JobEdge edge,
      int subtask,
      ChannelTarget[] targets,
      PartitionBufferPool pool,
      boolean flushEveryRecord) {
    TypeSerializer serializer = edge.streamEdge().serializer().duplicate();
    return new RecordWriter<>(
        serializer, edge.partitioner().copyFor(subtask), targets, pool, flushEveryRecord);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Output<Object> outputOf(
      StreamNode node,
      JobVertex vertex,
      Map<Integer, Operator<?>> operatorOfNode,
      Map<StreamEdge, RecordWriter<?>> writerOfEdge) {
    List<Output<Object>> main = new ArrayList<>();
    Map<OutputTag<?>, List<Output<Object>>> sides = new LinkedHashMap<>();
    for (StreamEdge edge : node.outEdges()) {
      Output<Object> out;
      if (vertex.contains(edge.targetId())) {
        Operator<?> target = operatorOfNode.get(edge.targetId());
        String name = nameOf(vertex, edge.targetId());
        out = new ChainingOutput<>((OneInputOperator) target, name);
      } else {
        out = new RecordWriterOutput<>((RecordWriter) writerFor(edge, writerOfEdge));
      }
      if (edge.sideOutput() == null) {
        main.add(out);
      } else {
        sides.computeIfAbsent(edge.sideOutput(), t -> new ArrayList<>()).add(out);
      }
    }
    return RoutingOutput.of(main, sides);
  }

  /** The writer of a network edge; the job edge carries a copy with the partitioner resolved. */
  private static RecordWriter<?> writerFor(
      StreamEdge edge, Map<StreamEdge, RecordWriter<?>> writerOfEdge) {
    for (Map.Entry<StreamEdge, RecordWriter<?>> e : writerOfEdge.entrySet()) {
      StreamEdge candidate = e.getKey();
      if (candidate.sourceId() == edge.sourceId()
          && candidate.targetId() == edge.targetId()
          && candidate.inputIndex() == edge.inputIndex()
          && Objects.equals(candidate.sideOutput(), edge.sideOutput())) {
        RecordWriter<?> writer = e.getValue();
        writerOfEdge.remove(candidate);
        return writer;
      }
    }
    throw new IllegalStateException("No exchange for edge " + edge);
  }

  private static String nameOf(JobVertex vertex, int nodeId) {
    for (StreamNode n : vertex.nodes()) {
      if (n.id() == nodeId) {
        return n.name();
      }
    }
    throw new IllegalArgumentException("Node " + nodeId + " is not in " + vertex.name());
  }

  /** The output a source emits into (source vertices only). */
  @SuppressWarnings("unchecked")
  <T> Output<T> sourceOutput() {
    return (Output<T>) sourceOutput;
  }

  /** The head operator (non-source vertices only). */
  ChainedOperator head() {
    return operators.get(0);
  }

  List<RecordWriter<?>> writers() {
    return writers;
  }

  /** The operators, head first. */
  List<ChainedOperator> operators() {
    return operators;
  }

  /**
   * Sends a checkpoint barrier on every output of the chain at once; with {@code overtake} ahead of
   * the data already queued downstream (unaligned checkpoints).
   */
  void broadcastBarrier(CheckpointBarrier barrier, boolean overtake) {
    for (RecordWriter<?> writer : writers) {
      writer.broadcastBarrier(barrier, overtake);
    }
  }

  /** Hands each operator, last first like {@link #open}, what it restores. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  void initializeState(TaskRestore restore) throws Exception {
    for (int i = operators.size() - 1; i >= 0; i--) {
      ChainedOperator op = operators.get(i);
      try {
        op.operator()
            .initializeState(
                new OperatorRestoreContext(restore, OperatorKeys.of(op.node())));
      } catch (Exception e) {
        throw OperatorException.wrap(op.node().name(), e);
      }
    }
  }

  /** True when every output has a free buffer, so emitting will not wait. */
  boolean outputsAvailable() {
    for (int i = 0; i < writers.size(); i++) {
      if (!writers.get(i).pool().isAvailable()) {
        return false;
      }
    }
    return true;
  }

  void setOutputAvailabilityListener(Runnable listener) {
    writers.forEach(w -> w.pool().setAvailabilityListener(listener));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  void open() throws Exception {
    for (int i = operators.size() - 1; i >= 0; i--) {
      ChainedOperator op = operators.get(i);
      try {
        ((Operator) op.operator()).open(op.context());
      } catch (Exception e) {
        throw OperatorException.wrap(op.node().name(), e);
      }
    }
  }

  void flushOutputs() {
    writers.forEach(RecordWriter::flushAll);
  }

  /** End of input: finishes operators head first (then {@link #endOutputs}). */
  void finishOperators() throws Exception {
    for (ChainedOperator op : operators) {
      try {
        op.operator().finish();
      } catch (Exception e) {
        throw OperatorException.wrap(op.node().name(), e);
      }
    }
  }

  /** Whether an operator holds side effects until a checkpoint after its end of input. */
  boolean awaitsFinalCheckpoint() {
    for (ChainedOperator op : operators) {
      if (op.operator().awaitsFinalCheckpoint()) {
        return true;
      }
    }
    return false;
  }

  /** Ends every exchange: the consumers see this task's output end. */
  void endOutputs() throws Exception {
    for (RecordWriter<?> writer : writers) {
      writer.finish();
    }
  }

  /** Closes every operator and releases buffers; reports the first failure, logs the rest. */
  void close(Throwable primary) {
    for (ChainedOperator op : operators) {
      try {
        op.operator().close();
      } catch (Exception e) {
        if (primary == null) {
          LOG.warn("Operator '{}' failed to close", op.node().name(), e);
        } else {
          primary.addSuppressed(e);
        }
      } finally {
        op.context().close();
      }
    }
    for (RecordWriter<?> writer : writers) {
      writer.releaseUnsent();
      writer.pool().destroy();
    }
  }
}
