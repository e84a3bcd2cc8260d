package io.strom.runtime.tasks;

import io.strom.api.functions.KeySelector;
import io.strom.runtime.graph.JobVertex;
import io.strom.runtime.graph.StreamNode;
import io.strom.runtime.metrics.MetricRegistry;
import io.strom.runtime.operators.DefaultOperatorContext;
import io.strom.runtime.operators.Output;
import io.strom.runtime.state.KeyGroupRange;
import io.strom.runtime.state.KeyGroups;
import io.strom.runtime.state.heap.HeapKeyedStateBackend;
import io.strom.runtime.time.ProcessingTimeService;
import io.strom.runtime.time.TimerServiceManager;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates the contexts of the operators of one subtask: keyed operators get their own keyed state
 * and timers over the key groups this subtask owns.
 */
final class SubtaskOperatorContexts implements OperatorChain.OperatorContextFactory {
  private final JobVertex vertex;
  private final int subtask;
  private final TaskEnvironment env;
  private final ProcessingTimeService processingTime;

  SubtaskOperatorContexts(
      JobVertex vertex, int subtask, TaskEnvironment env, ProcessingTimeService processingTime) {
    this.vertex = vertex;
    this.subtask = subtask;
    this.env = env;
    this.processingTime = processingTime;
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
      builder.keyed(
          new HeapKeyedStateBackend<>(range, maxParallelism, processingTime::currentProcessingTime),
          new TimerServiceManager<>(range, maxParallelism, processingTime),
          selectors);
    }
    return builder.build();
  }
}
