package io.strom.runtime.tasks;

import io.strom.api.functions.KeySelector;
import io.strom.configuration.Configuration;
import io.strom.runtime.graph.JobVertex;
import io.strom.runtime.graph.StreamNode;
import io.strom.runtime.metrics.Counter;
import io.strom.runtime.metrics.MetricGroup;
import io.strom.runtime.operators.OperatorContext;
import io.strom.runtime.operators.Output;
import io.strom.runtime.state.KeyedStateBackend;
import io.strom.runtime.time.InternalTimerService;
import io.strom.runtime.time.ProcessingTimeService;
import io.strom.runtime.time.Triggerable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/** Creates the contexts of the operators of one subtask. */
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
  public OperatorContext<Object> create(StreamNode node, Output<Object> output) {
    return new OperatorContext<Object>() {
      private final Map<String, Counter> counters = new ConcurrentHashMap<>();

      @Override
      public String operatorName() {
        return node.name();
      }

      @Override
      public int subtaskIndex() {
        return subtask;
      }

      @Override
      public int parallelism() {
        return vertex.parallelism();
      }

      @Override
      public int maxParallelism() {
        return env.job().maxParallelism();
      }

      @Override
      public Output<Object> output() {
        return output;
      }

      @Override
      public Configuration jobConfiguration() {
        return env.configuration();
      }

      @Override
      public ClassLoader userCodeClassLoader() {
        return env.userClassLoader();
      }

      @Override
      public ProcessingTimeService processingTimeService() {
        return processingTime;
      }

      @Override
      public MetricGroup metrics() {
        return new MetricGroup() {
          @Override
          public Counter counter(String name) {
            return counters.computeIfAbsent(name, n -> new Counter());
          }

          @Override
          public void gauge(String name, LongSupplier value) {}
        };
      }

      @Override
      public boolean isKeyed() {
        return false;
      }

      @Override
      public <IN, K> KeySelector<IN, K> keySelector(int inputIndex) {
        throw new IllegalStateException("Keyed state is not wired in yet");
      }

      @Override
      public <K> KeyedStateBackend<K> keyedStateBackend() {
        throw new IllegalStateException("Keyed state is not wired in yet");
      }

      @Override
      public <K, N> InternalTimerService<K, N> timerService(String name, Triggerable<K, N> target) {
        throw new IllegalStateException("Keyed state is not wired in yet");
      }

      @Override
      public void advanceWatermark(long watermark) {}
    };
  }
}
