package io.strom.runtime.operators;

import static java.util.Objects.requireNonNull;

import io.strom.api.functions.KeySelector;
import io.strom.configuration.Configuration;
import io.strom.runtime.metrics.MetricGroup;
import io.strom.runtime.state.KeyedStateBackend;
import io.strom.runtime.time.InternalTimerService;
import io.strom.runtime.time.ProcessingTimeService;
import io.strom.runtime.time.TimerServiceManager;
import io.strom.runtime.time.Triggerable;
import java.util.List;

/**
 * The {@link OperatorContext} the runtime (and the operator test harness) builds for each operator
 * instance, from parts it owns: identity, output, configuration, class loader, processing time,
 * metrics and, for keyed operators, key selectors, keyed state and timers.
 *
 * <p>Build one with {@link #builder}. Used only on the task's thread. {@link #close} releases the
 * keyed state and withdraws processing-time callbacks; call it after the operator closed.
 */
public final class DefaultOperatorContext<OUT> implements OperatorContext<OUT>, AutoCloseable {
  private final String operatorName;
  private final int subtaskIndex;
  private final int parallelism;
  private final int maxParallelism;
  private final Output<OUT> output;
  private final Configuration jobConfiguration;
  private final ClassLoader userCodeClassLoader;
  private final ProcessingTimeService processingTimeService;
  private final MetricGroup metrics;
  private final List<KeySelector<?, ?>> keySelectors;
  private final KeyedStateBackend<?> keyedStateBackend;
  private final TimerServiceManager<?> timerServiceManager;

  private DefaultOperatorContext(Builder<OUT> b) {
    this.operatorName = b.operatorName;
    this.subtaskIndex = b.subtaskIndex;
    this.parallelism = b.parallelism;
    this.maxParallelism = b.maxParallelism;
    this.output = requireNonNull(b.output, "output");
    this.jobConfiguration = b.jobConfiguration;
    this.userCodeClassLoader = b.userCodeClassLoader;
    this.processingTimeService = requireNonNull(b.processingTimeService, "processingTimeService");
    this.metrics = requireNonNull(b.metrics, "metrics");
    this.keySelectors = b.keySelectors;
    this.keyedStateBackend = b.keyedStateBackend;
    this.timerServiceManager = b.timerServiceManager;
  }

  /**
   * Starts building the context of subtask {@code subtaskIndex} of an operator running with
   * {@code parallelism} subtasks over {@code maxParallelism} key groups.
   */
  public static <OUT> Builder<OUT> builder(
      String operatorName, int subtaskIndex, int parallelism, int maxParallelism) {
    return new Builder<>(operatorName, subtaskIndex, parallelism, maxParallelism);
  }

  @Override
  public String operatorName() {
    return operatorName;
  }

  @Override
  public int subtaskIndex() {
    return subtaskIndex;
  }

  @Override
  public int parallelism() {
    return parallelism;
  }

  @Override
  public int maxParallelism() {
    return maxParallelism;
  }

  @Override
  public Output<OUT> output() {
    return output;
  }

  @Override
  public Configuration jobConfiguration() {
    return jobConfiguration;
  }

  @Override
  public ClassLoader userCodeClassLoader() {
    return userCodeClassLoader;
  }

  @Override
  public ProcessingTimeService processingTimeService() {
    return processingTimeService;
  }

  @Override
  public MetricGroup metrics() {
    return metrics;
  }

  @Override
  public boolean isKeyed() {
    return keyedStateBackend != null;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <IN, K> KeySelector<IN, K> keySelector(int inputIndex) {
    requireKeyed("a key selector");
    if (inputIndex < 0 || inputIndex >= keySelectors.size()) {
      throw new IllegalArgumentException(
          "Operator '" + operatorName + "' has " + keySelectors.size()
              + " keyed input(s); there is no key selector for input " + inputIndex);
    }
    return (KeySelector<IN, K>) keySelectors.get(inputIndex);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <K> KeyedStateBackend<K> keyedStateBackend() {
    requireKeyed("keyed state");
    return (KeyedStateBackend<K>) keyedStateBackend;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <K, N> InternalTimerService<K, N> timerService(String name, Triggerable<K, N> target) {
    requireKeyed("timers");
    return ((TimerServiceManager<K>) timerServiceManager).getTimerService(name, target);
  }

  /** Fires due event-time timers; nothing to do for an operator that is not keyed. */
  @Override
  public void advanceWatermark(long watermark) throws Exception {
    if (timerServiceManager != null) {
      timerServiceManager.advanceWatermark(watermark);
    }
  }

  /** Withdraws scheduled processing-time callbacks and releases keyed state. */
  @Override
  public void close() {
    if (timerServiceManager != null) {
      timerServiceManager.close();
    }
    if (keyedStateBackend != null) {
      keyedStateBackend.close();
    }
  }

  private void requireKeyed(String what) {
    if (keyedStateBackend == null) {
      throw new IllegalStateException(
          "Operator '" + operatorName + "' asked for " + what + ", which exists only when its"
              + " input is keyed (keyBy / PARTITION BY / GROUP BY before it)");
    }
  }

  @Override
  public String toString() {
    return "OperatorContext(" + operatorName + "[" + subtaskIndex + "/" + parallelism + "])";
  }

  /** Collects the parts of a {@link DefaultOperatorContext}; checks them in {@link #build}. */
  public static final class Builder<OUT> {
    private final String operatorName;
    private final int subtaskIndex;
    private final int parallelism;
    private final int maxParallelism;
    private Output<OUT> output;
    private Configuration jobConfiguration = new Configuration();
    private ClassLoader userCodeClassLoader = DefaultOperatorContext.class.getClassLoader();
    private ProcessingTimeService processingTimeService;
    private MetricGroup metrics;
    private List<KeySelector<?, ?>> keySelectors = List.of();
    private KeyedStateBackend<?> keyedStateBackend;
    private TimerServiceManager<?> timerServiceManager;

    private Builder(String operatorName, int subtaskIndex, int parallelism, int maxParallelism) {
      this.operatorName = requireNonNull(operatorName, "operatorName");
      if (parallelism <= 0 || parallelism > maxParallelism) {
        throw new IllegalArgumentException(
            "Parallelism " + parallelism + " must be in [1, max parallelism " + maxParallelism
                + "]");
      }
      if (subtaskIndex < 0 || subtaskIndex >= parallelism) {
        throw new IllegalArgumentException(
            "Subtask index " + subtaskIndex + " is outside [0, " + parallelism + ")");
      }
      this.subtaskIndex = subtaskIndex;
      this.parallelism = parallelism;
      this.maxParallelism = maxParallelism;
    }

    /** Required. */
    public Builder<OUT> output(Output<OUT> output) {
      this.output = requireNonNull(output, "output");
      return this;
    }

    /** Defaults to an empty configuration. */
    public Builder<OUT> jobConfiguration(Configuration configuration) {
      this.jobConfiguration = requireNonNull(configuration, "configuration");
      return this;
    }

    /** Defaults to the class loader of the runtime. */
    public Builder<OUT> userCodeClassLoader(ClassLoader classLoader) {
      this.userCodeClassLoader = requireNonNull(classLoader, "classLoader");
      return this;
    }

    /** Required. */
    public Builder<OUT> processingTimeService(ProcessingTimeService service) {
      this.processingTimeService = requireNonNull(service, "service");
      return this;
    }

    /** Required; usually {@code registry.group(MetricRegistry.scope(name, subtaskIndex))}. */
    public Builder<OUT> metrics(MetricGroup metrics) {
      this.metrics = requireNonNull(metrics, "metrics");
      return this;
    }

    /**
     * Makes the operator keyed: one key selector per input (one or two), the keyed state of this
     * subtask's key groups and the timer manager over the same key groups.
     */
    public Builder<OUT> keyed(
        KeyedStateBackend<?> backend,
        TimerServiceManager<?> timers,
        List<? extends KeySelector<?, ?>> selectors) {
      requireNonNull(backend, "backend");
      requireNonNull(timers, "timers");
      if (selectors.isEmpty() || selectors.size() > 2) {
        throw new IllegalArgumentException(
            "A keyed operator needs one key selector per input (1 or 2), got " + selectors.size());
      }
      if (backend.maxParallelism() != maxParallelism || timers.maxParallelism() != maxParallelism) {
        throw new IllegalArgumentException(
            "Keyed state and timers of '" + operatorName + "' must use the operator's max"
                + " parallelism " + maxParallelism);
      }
      if (!backend.keyGroupRange().equals(timers.keyGroupRange())) {
        throw new IllegalArgumentException(
            "Keyed state " + backend.keyGroupRange() + " and timers " + timers.keyGroupRange()
                + " of '" + operatorName + "' must cover the same key groups");
      }
      this.keyedStateBackend = backend;
      this.timerServiceManager = timers;
      this.keySelectors = List.copyOf(selectors);
      return this;
    }

    public DefaultOperatorContext<OUT> build() {
      return new DefaultOperatorContext<>(this);
    }
  }
}
