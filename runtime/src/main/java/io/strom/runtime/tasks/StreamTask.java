package io.strom.runtime.tasks;

import io.strom.configuration.CheckpointingOptions;
import io.strom.configuration.PipelineOptions;
import io.strom.runtime.checkpoint.CheckpointBarrier;
import io.strom.runtime.checkpoint.CheckpointConfig;
import io.strom.runtime.checkpoint.OperatorKeys;
import io.strom.runtime.checkpoint.TaskRestore;
import io.strom.runtime.graph.JobEdge;
import io.strom.runtime.graph.JobVertex;
import io.strom.runtime.graph.SourceSpec;
import io.strom.runtime.graph.StreamNode;
import io.strom.runtime.metrics.MetricGroup;
import io.strom.runtime.metrics.MetricRegistry;
import io.strom.runtime.network.ExchangeRegistry;
import io.strom.runtime.network.InputGate;
import io.strom.runtime.operators.OneInputOperator;
import io.strom.runtime.operators.TwoInputOperator;
import io.strom.runtime.source.InputStatus;
import io.strom.runtime.source.Source;
import io.strom.runtime.source.SourceReader;
import io.strom.runtime.source.SourceReaderContext;
import io.strom.runtime.source.SourceSplit;
import io.strom.serde.TypeSerializer;
import java.util.ArrayList;
import java.util.List;

/**
 * One parallel subtask of a job vertex, running on its own thread: a loop that runs mails (timers,
 * split assignments, flushes) and otherwise feeds the next batch of input into the operator chain,
 * waiting when there is no input or no free output buffer. Records, timers and watermarks therefore
 * never race, and operators need no locks.
 */
public final class StreamTask implements Runnable {
  private final JobVertex vertex;
  private final int subtask;
  private final TaskEnvironment env;
  private final TaskListener listener;
  private final Mailbox mailbox = new Mailbox();
  private final TaskProcessingTimeService processingTime;
  private final TaskRestore restore;
  private volatile boolean canceled;
  private volatile Thread thread;
  // Set on the task's thread before any mail runs; mails use it.
  private TaskCheckpointer checkpointer;

  /**
   * @param vertex this subtask's own copy of the vertex (its operators are not shared)
   */
  /** Where the task's records come from; set on the task's thread when it starts. */
  private TaskInput input;

  public StreamTask(
      JobVertex vertex,
      int subtask,
      TaskEnvironment env,
      TaskListener listener) {
    this(vertex, subtask, env, listener, TaskRestore.NONE);
  }

  /**
   * @param vertex this subtask's own copy of the vertex (its operators are not shared)
   * @param restore the state this subtask starts from
   */
  public StreamTask(
      JobVertex vertex,
      int subtask,
      TaskEnvironment env,
      TaskListener listener,
      TaskRestore restore) {
    this.vertex = vertex;
    this.subtask = subtask;
    this.env = env;
    this.listener = listener;
    this.restore = restore;
    this.processingTime = new TaskProcessingTimeService(env.timerScheduler(), mailbox);
  }

  /**
   * Starts a checkpoint at this source task, or at a task whose input ended that awaits its final
   * checkpoint: between two batches of the reader, it snapshots its state and sends the barrier
   * downstream. A checkpoint the task took part in already is ignored. Safe from any thread.
   */
  public void triggerCheckpoint(CheckpointBarrier barrier) {
    mailbox.put(
        new Mail(
            "trigger checkpoint " + barrier.checkpointId(),
            () -> {
              if (barrier.checkpointId() <= checkpointer.lastCheckpointId()) {
                return;
              }
              if (barrier.drain() && input instanceof SourceInput<?> source) {
                // Event time ends ahead of the barrier: windows and timers fire into the savepoint.
                source.drain();
              }
              checkpointer.triggerCheckpoint(barrier);
            }));
  }

  /** The last checkpoint this task took part in, or -1. Called on the task's thread. */
  public long lastCheckpointId() {
    TaskCheckpointer c = checkpointer;
    return c == null ? -1 : c.lastCheckpointId();
  }

  /** Tells the task's operators that a checkpoint completed. Safe from any thread. */
  public void notifyCheckpointComplete(long checkpointId) {
    mailbox.put(
        new Mail(
            "checkpoint " + checkpointId + " complete",
            () -> checkpointer.notifyCheckpointComplete(checkpointId)));
  }

  /**
   * Stops the task once the mails queued so far ran (such as a checkpoint's completion, on which
   * sinks commit); it reports itself canceled. Safe from any thread.
   */
  public void stopAfterQueuedMails() {
    mailbox.put(new Mail("stop", this::cancel));
  }

  /**
   * Fails the task with {@code failure} once the mails queued so far ran, as if one of its
   * operators threw it. Safe from any thread; ignored once the task ended.
   */
  void failFromOutside(RuntimeException failure) {
    mailbox.put(new Mail("fail: " + failure.getMessage(), () -> {
      throw failure;
    }));
  }

  /** The name threads and errors use: {@code "Map -> Filter (2/4)"}. */
  public String name() {
    return vertex.name() + " (" + (subtask + 1) + "/" + vertex.parallelism() + ")";
  }

  /** Stops the task as soon as possible; it reports itself canceled. Safe from any thread. */
  public void cancel() {
    canceled = true;
    mailbox.signal();
    Thread t = thread;
    if (t != null) {
      t.interrupt();
    }
  }

  @Override
  public void run() {
    thread = Thread.currentThread();
    mailbox.bindToCurrentThread();
    OperatorChain chain = null;
    Throwable failure = null;
    try {
      SubtaskOperatorContexts contexts =
          new SubtaskOperatorContexts(vertex, subtask, env, processingTime, restore);
      chain = new OperatorChain(vertex, subtask, env, contexts);
      chain.setOutputAvailabilityListener(mailbox::signal);
      registerBufferGauges(chain);
      checkpointer =
          new TaskCheckpointer(vertex, subtask, env, chain, contexts, name(), this::failFromOutside);
      input = createInput(chain);
      chain.initializeState(restore);
      chain.open();
      input.replayInFlightData(restore.operator(OperatorKeys.of(vertex.head())).listStates());
      startPeriodicActions(chain, input);
      runMailboxLoop(chain, input);
      if (!canceled) {
        chain.finishOperators();
        awaitFinalCheckpoint(chain);
      }
      if (!canceled) {
        chain.endOutputs();
      }
    } catch (Throwable t) {
      failure = t;
    } finally {
      processingTime.shutdown();
      mailbox.clear();
      if (checkpointer != null) {
        checkpointer.awaitWrites(failure != null || canceled);
      }
      if (chain != null) {
        chain.close(failure);
      }
      if (input != null) {
        try {
          input.release();
        } catch (Exception e) {
          if (failure != null) {
            failure.addSuppressed(e);
          }
        }
      }
    }
    report(failure);
  }

  private void runMailboxLoop(OperatorChain chain, TaskInput input) throws Exception {
    while (!canceled) {
      mailbox.clearSignal();
      mailbox.runMails();
      if (canceled) {
        return;
      }
      if (!chain.outputsAvailable()) {
        // Backpressure: wait for a consumer to free a buffer, still serving mails and barriers of
        // unaligned checkpoints meanwhile (sending a barrier needs no free buffer).
        if (!input.processPriorityEvents()) {
          mailbox.await();
        }
        continue;
      }
      InputStatus status = input.emitNext();
      if (status == InputStatus.END_OF_INPUT) {
        mailbox.runMails();
        return;
      }
      if (status == InputStatus.NOTHING_AVAILABLE) {
        mailbox.await();
      }
    }
  }

  /**
   * Takes part in checkpoints until the side effects the finished operators hold are committed
   * (see {@code Operator#awaitsFinalCheckpoint}); the outputs stay open meanwhile, so the barrier
   * also reaches the tasks downstream. Timers stop first: nothing may follow the end of input.
   */
  private void awaitFinalCheckpoint(OperatorChain chain) throws Exception {
    if (!chain.awaitsFinalCheckpoint()) {
      return;
    }
    processingTime.shutdown();
    listener.taskAwaitsFinalCheckpoint(vertex.id(), subtask);
    while (!canceled && chain.awaitsFinalCheckpoint()) {
      mailbox.clearSignal();
      mailbox.runMails();
      if (!canceled && chain.awaitsFinalCheckpoint()) {
        mailbox.await();
      }
    }
  }

  private void startPeriodicActions(OperatorChain chain, TaskInput input) {
    long bufferTimeout = env.configuration().get(PipelineOptions.BUFFER_TIMEOUT).toMillis();
    if (bufferTimeout > 0 && !chain.writers().isEmpty()) {
      processingTime.scheduleAtFixedRate(t -> chain.flushOutputs(), bufferTimeout, bufferTimeout);
    }
    if (input instanceof SourceInput<?> source) {
      long interval = env.configuration().get(PipelineOptions.AUTO_WATERMARK_INTERVAL).toMillis();
      if (interval == 0) {
        // Watermarks go out after every record, but a split without records must still be
        // found idle.
        interval = source.idleTimeout().toMillis();
      }
      if (interval > 0) {
        processingTime.scheduleAtFixedRate(t -> source.emitPeriodicWatermarks(), interval, interval);
      }
    }
  }

  /** Occupancy of this task's output buffers: full means downstream is slower (backpressure). */
  private void registerBufferGauges(OperatorChain chain) {
    if (chain.writers().isEmpty()) {
      return;
    }
    MetricGroup metrics = env.metrics().group(MetricRegistry.scope(vertex.name(), subtask));
    metrics.gauge(
        "outputBuffersInUse",
        () -> chain.writers().stream().mapToLong(w -> w.pool().inUse()).sum());
    metrics.gauge(
        "outputBuffersCapacity",
        () -> chain.writers().stream().mapToLong(w -> w.pool().capacity()).sum());
  }

  private void report(Throwable failure) {
    if (canceled) {
      listener.taskCanceled(vertex.id(), subtask);
    } else if (failure == null) {
      listener.taskFinished(vertex.id(), subtask);
    } else {
      Throwable cause = failure;
      String operator = null;
      if (failure instanceof OperatorException oe) {
        operator = oe.operatorName();
        cause = oe.getCause();
      }
      listener.taskFailed(vertex.id(), subtask, operator, cause);
    }
  }

  private TaskInput createInput(OperatorChain chain) throws Exception {
    StreamNode head = vertex.head();
    if (head.isSource()) {
      return createSourceInput(head, chain);
    }
    ExchangeRegistry exchanges = env.exchanges();
    Object operator = chain.head().operator();
    if (head.numInputs() == 1) {
      InputGate gate = exchanges.gate(vertex.id(), subtask, 0);
      gate.setDataListener(mailbox::signal);
      return newOneInput(gate, serializersOf(0), edgesOfChannels(0), operator, head.name());
    }
    InputGate gate1 = exchanges.gate(vertex.id(), subtask, 0);
    InputGate gate2 = exchanges.gate(vertex.id(), subtask, 1);
    gate1.setDataListener(mailbox::signal);
    gate2.setDataListener(mailbox::signal);
    return newTwoInput(
        gate1, serializersOf(0), edgesOfChannels(0), gate2, serializersOf(1), edgesOfChannels(1),
        operator, head.name());
  }

  /** Exactly-once aligns barriers; at-least-once only counts them. */
  private boolean aligning() {
    return env.configuration().get(CheckpointingOptions.MODE)
        == CheckpointingOptions.CheckpointingMode.EXACTLY_ONCE;
  }

  /**
   * With unaligned checkpoints and a positive aligned-checkpoint-timeout, when an aligning
   * checkpoint turns unaligned; null when checkpoints never switch.
   */
  private BarrierAligner.AlignmentTimeout alignmentTimeout() {
    long timeout = CheckpointConfig.alignedCheckpointTimeout(env.configuration()).toMillis();
    if (!aligning() || timeout == 0) {
      return null;
    }
    return new BarrierAligner.AlignmentTimeout(
        timeout,
        System::currentTimeMillis,
        (delay, callback) -> processingTime.registerTimer(
            processingTime.currentProcessingTime() + delay, callback));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private TaskInput newOneInput(
      InputGate gate, TypeSerializer[] serializers, int[] edges, Object operator, String name) {
    return new OneInputNetworkInput(
        gate, serializers, (OneInputOperator) operator, edges, name, aligning(),
        alignmentTimeout(), checkpointer);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private TaskInput newTwoInput(
      InputGate gate1,
      TypeSerializer[] serializers1,
      int[] edges1,
      InputGate gate2,
      TypeSerializer[] serializers2,
      int[] edges2,
      Object operator,
      String name) {
    return new TwoInputNetworkInput(
        gate1,
        serializers1,
        edges1,
        gate2,
        serializers2,
        edges2,
        (TwoInputOperator) operator,
        name,
        aligning(),
        alignmentTimeout(),
        checkpointer);
  }

  /** The serializer of each channel of input {@code inputIndex}, in the gate's channel layout. */
  private TypeSerializer<?>[] serializersOf(int inputIndex) {
    List<TypeSerializer<?>> perChannel = new ArrayList<>();
    for (JobEdge edge : ExchangeRegistry.edgesOf(vertex, inputIndex)) {
      TypeSerializer<?> serializer = edge.streamEdge().serializer().duplicate();
      int channels =
          edge.partitioner().isPointwise() ? 1 : env.job().vertex(edge.sourceVertex()).parallelism();
      for (int i = 0; i < channels; i++) {
        perChannel.add(serializer);
      }
    }
    return perChannel.toArray(new TypeSerializer<?>[0]);
  }

  /** The position of each channel's edge among the edges of input {@code inputIndex}. */
  private int[] edgesOfChannels(int inputIndex) {
    List<Integer> perChannel = new ArrayList<>();
    List<JobEdge> edges = ExchangeRegistry.edgesOf(vertex, inputIndex);
    for (int e = 0; e < edges.size(); e++) {
      JobEdge edge = edges.get(e);
      int channels =
          edge.partitioner().isPointwise() ? 1 : env.job().vertex(edge.sourceVertex()).parallelism();
      for (int i = 0; i < channels; i++) {
        perChannel.add(e);
      }
    }
    return perChannel.stream().mapToInt(Integer::intValue).toArray();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private TaskInput createSourceInput(StreamNode head, OperatorChain chain) throws Exception {
    SourceSpec spec = head.source();
    Source source = spec.source();
    SourceReader<Object, SourceSplit> reader = source.createReader(readerContext());
    SourceInput<Object> input =
        new SourceInput<>(
            reader,
            chain.sourceOutput(),
            spec.watermarkStrategy(),
            env.configuration().get(PipelineOptions.AUTO_WATERMARK_INTERVAL).toMillis(),
            source.boundedness());
    TypeSerializer<SourceSplit> splitSerializer = source.splitSerializer();
    checkpointer.setSourceReader(reader, splitSerializer);
    List<SourceSplit> restoredSplits =
        OperatorRestoreContext.read(
            restore
                .operator(OperatorKeys.of(head))
                .listStates()
                .getOrDefault(TaskCheckpointer.SOURCE_SPLITS, List.of()),
            splitSerializer);
    if (!restoredSplits.isEmpty()) {
      reader.addSplits(restoredSplits);
    }
    reader.start();
    env.sourceReaders()
        .registerReader(
            head.id(),
            subtask,
            new SourceReaderRegistry.SplitReceiver() {
              @Override
              public void addSplits(List<SourceSplit> splits) {
                mailbox.put(new Mail("add splits " + splits, () -> reader.addSplits(splits)));
              }

              @Override
              public void noMoreSplits() {
                mailbox.put(new Mail("no more splits", reader::notifyNoMoreSplits));
              }
            });
    return input;
  }

  private SourceReaderContext readerContext() {
    return new SourceReaderContext() {
      @Override
      public int subtaskIndex() {
        return subtask;
      }

      @Override
      public int parallelism() {
        return vertex.parallelism();
      }

      @Override
      public io.strom.configuration.Configuration configuration() {
        return env.configuration();
      }

      @Override
      public void signalDataAvailable() {
        mailbox.signal();
      }

      @Override
      public MetricGroup metrics() {
        return env.metrics().group(MetricRegistry.scope(vertex.name(), subtask));
      }
    };
  }
}
