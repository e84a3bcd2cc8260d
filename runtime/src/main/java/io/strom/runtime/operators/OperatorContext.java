package io.strom.runtime.operators;

import io.strom.api.functions.KeySelector;
import io.strom.configuration.Configuration;
import io.strom.runtime.metrics.MetricGroup;
import io.strom.runtime.state.KeyedStateBackend;
import io.strom.runtime.time.InternalTimerService;
import io.strom.runtime.time.ProcessingTimeService;
import io.strom.runtime.time.Triggerable;

/**
 * What the runtime gives an operator instance when it opens: identity, output, time, keyed state
 * and metrics. Valid until the operator closes; used only on the task's thread.
 */
public interface OperatorContext<OUT> {

  /** The operator's name as the user gave it, e.g. {@code "Map"} or {@code "Window(count)"}. */
  String operatorName();

  int subtaskIndex();

  int parallelism();

  /** The number of key groups. */
  int maxParallelism();

  Output<OUT> output();

  Configuration jobConfiguration();

  ClassLoader userCodeClassLoader();

  ProcessingTimeService processingTimeService();

  MetricGroup metrics();

  /** True when the input is partitioned by key, so keyed state and timers are available. */
  boolean isKeyed();

  /**
   * The key selector of input {@code inputIndex} (0 or 1) of a keyed operator.
   *
   * @throws IllegalStateException if the operator is not keyed
   */
  <IN, K> KeySelector<IN, K> keySelector(int inputIndex);

  /**
   * The keyed state of this subtask's key groups.
   *
   * @throws IllegalStateException if the operator is not keyed
   */
  <K> KeyedStateBackend<K> keyedStateBackend();

  /**
   * The timer service with this name, created on first use, whose timers call {@code target}.
   * Event-time timers fire when {@link #advanceWatermark} passes them.
   *
   * @throws IllegalStateException if the operator is not keyed
   */
  <K, N> InternalTimerService<K, N> timerService(String name, Triggerable<K, N> target);

  /**
   * Advances the event time of this operator's timer services, firing due timers in time order.
   * Operators call this from {@code processWatermark} before forwarding the watermark.
   */
  void advanceWatermark(long watermark) throws Exception;
}
