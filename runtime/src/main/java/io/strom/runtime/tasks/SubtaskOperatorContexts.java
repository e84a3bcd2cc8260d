package io.strom.runtime.tasks;

import io.strom.api.functions.KeySelector;
import io.strom.configuration.StateBackendOptions;
import io.strom.runtime.checkpoint.CheckpointStorage;
import io.strom.runtime.checkpoint.KeyedStateHandle;
import io.strom.runtime.checkpoint.OperatorKeys;
import io.strom.runtime.checkpoint.TaskRestore;
import io.strom.runtime.graph.JobVertex;
import io.strom.runtime.graph.StreamNode;
import io.strom.runtime.metrics.MetricRegistry;
import io.strom.runtime.operators.DefaultOperatorContext;
import io.strom.runtime.operators.Output;
import io.strom.runtime.state.CheckpointableKeyedStateBackend;
import io.strom.runtime.state.KeyGroupRange;
import io.strom.runtime.state.KeyGroups;
import io.strom.runtime.state.KeyedStateBackendFactory;
import io.strom.runtime.state.rocksdb.RocksDbKeyedStateBackend;
import io.strom.runtime.time.ProcessingTimeService;
import io.strom.runtime.time.TimerQueueFactory;
import io.strom.runtime.time.TimerServiceManager;
import io.strom.serde.DataInputDeserializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates the contexts of the operators of one subtask: keyed operators get their own keyed state
 * and timers over the key groups this subtask owns, filled from the checkpoint the task restores
 * (if any) before the operator opens. Remembers them, so checkpoints can write them.
 *
 * <p>Used only on the task's thread.
 */
final class SubtaskOperatorContexts implements OperatorChain.OperatorContextFactory {
  private final JobVertex vertex;
  private final int subtask;
  private final TaskEnvironment env;
  private final ProcessingTimeService processingTime;
  private final TaskRestore restore;
  private final Map<Integer, KeyedParts> keyedParts = new HashMap<>();
  private KeyedStateBackendFactory backendFactory;

  /** The keyed state and timers of one keyed operator. */
  record KeyedParts(
      CheckpointableKeyedStateBackend<Object> backend, TimerServiceManager<Object> timers) {}

  SubtaskOperatorContexts(
      JobVertex vertex,
      int subtask,
      TaskEnvironment env,
      ProcessingTimeService processingTime,
      TaskRestore restore) {
    this.vertex = vertex;
    this.subtask = subtask;
    this.env = env;
    this.processingTime = processingTime;
    this.restore = restore;
  }

  @Override
  public DefaultOperatorContext<Object> create(StreamNode node, Output<Object> output) {
    int maxParallelism = env.job().maxParallelism();
    DefaultOperatorContext.Builder<Object> builder =
        DefaultOperatorContext.builder(node.name(), subtask, vertex.parallelism(), maxParallelism)
            .output(output)
            .jobConfiguration(env.configuration())
            .userCodeClassLoader(env.userClassLoader())
            .processingTimeService(processingTime)
            .metrics(env.metrics().group(MetricRegistry.scope(node.name(), subtask)));
    if (node.isKeyed()) {
      KeyGroupRange range = KeyGroups.rangeOf(maxParallelism, vertex.parallelism(), subtask);
      List<KeySelector<?, ?>> selectors = new ArrayList<>();
      for (int i = 0; i < node.numInputs(); i++) {
        selectors.add(node.keySelector(i));
      }
      CheckpointableKeyedStateBackend<Object> backend = createBackend(node, range, maxParallelism);
      KeyedParts parts =
          new KeyedParts(
              backend,
              new TimerServiceManager<>(
                  range, maxParallelism, processingTime, timerQueues(backend)));
      restoreKeyed(node, range, parts);
      keyedParts.put(node.id(), parts);
      builder.keyed(parts.backend(), parts.timers(), selectors);
    }
    return builder.build();
  }

  /** Timers live in RocksDB with that backend (unless configured otherwise), else on the heap. */
  private TimerQueueFactory timerQueues(CheckpointableKeyedStateBackend<Object> backend) {
    if (backend instanceof RocksDbKeyedStateBackend<?> rocksDb
        && env.configuration().get(StateBackendOptions.ROCKSDB_TIMER_SERVICE_FACTORY)
            == StateBackendOptions.TimerServiceFactory.ROCKSDB) {
      return rocksDb.timerQueues();
    }
    return TimerQueueFactory.HEAP;
  }

  /**
   * A new backend, or one restored from an incremental checkpoint's own files (whose key group
   * sections then hold only timers).
   */
  private CheckpointableKeyedStateBackend<Object> createBackend(
      StreamNode node, KeyGroupRange range, int maxParallelism) {
    if (backendFactory == null) {
      backendFactory = new KeyedStateBackendFactory(env.configuration());
    }
    String owner = env.job().jobId() + "-" + node.id() + "-" + subtask;
    List<KeyedStateHandle> handles = restore.operator(OperatorKeys.of(node)).keyed();
    try {
      if (handles.stream().anyMatch(h -> h.nativeState() != null)) {
        return backendFactory.restoreNative(
            range, maxParallelism, processingTime::currentProcessingTime, owner,
            restore.checkpointDirectory(), restore.checkpointId(), handles,
            env.job().jobId().equals(restore.jobId()));
      }
      return backendFactory.create(
          range, maxParallelism, processingTime::currentProcessingTime, owner);
    } catch (IOException | IllegalStateException e) {
      throw OperatorException.wrap(
          node.name(),
          new IllegalStateException(
              "Could not create the keyed state of '" + node.name() + "': " + e.getMessage(), e));
    }
  }

  /** The keyed state and timers of a keyed operator of the chain, or null. */
  KeyedParts keyedParts(int nodeId) {
    return keyedParts.get(nodeId);
  }

  private void restoreKeyed(StreamNode node, KeyGroupRange range, KeyedParts parts) {
    List<KeyedStateHandle> handles = restore.operator(OperatorKeys.of(node)).keyed();
    DataInputDeserializer in = new DataInputDeserializer();
    for (KeyedStateHandle handle : handles) {
      try {
        CheckpointStorage.readKeyGroups(
            restore.checkpointDirectory(),
            handle,
            range,
            (keyGroup, section) -> {
              in.setBuffer(section, 0, section.length);
              parts.backend().restoreKeyGroup(keyGroup, in);
              parts.timers().restoreKeyGroup(keyGroup, in);
            });
      } catch (Exception e) {
        throw OperatorException.wrap(
            node.name(),
            new IllegalStateException(
                "Restoring the keyed state of '" + node.name() + "' failed: " + e.getMessage(),
                e));
      }
    }
  }
}
