package io.strom.runtime.testutils;

import static java.util.Objects.requireNonNull;

import io.strom.api.OutputTag;
import io.strom.api.functions.KeySelector;
import io.strom.configuration.Configuration;
import io.strom.runtime.metrics.MetricRegistry;
import io.strom.runtime.operators.DefaultOperatorContext;
import io.strom.runtime.operators.Operator;
import io.strom.runtime.state.KeyGroupRange;
import io.strom.runtime.state.heap.HeapKeyedStateBackend;
import io.strom.runtime.time.TimerServiceManager;
import io.strom.serde.DataInputDeserializer;
import io.strom.serde.DataOutputSerializer;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The helper both operator harnesses extend: opens an operator as subtask 0 of 1 with a
 * {@link DefaultOperatorContext} over a {@link ManualProcessingTimeService}, a
 * {@link CollectingOutput} and a {@link MetricRegistry}; a keyed operator also gets a
 * {@link HeapKeyedStateBackend} and timers over all key groups, whose time-to-live clock is the
 * manual processing time.
 *
 * <p>Settings change only before {@link #open}. Not thread-safe: a test drives it from one thread.
 */
// close() passes on the operator's own close() failure, which may be any exception.
@SuppressWarnings("try")
public abstract class AbstractOperatorHarness<OUT> implements AutoCloseable {
  private final Operator<OUT> operator;
  private final List<KeySelector<?, ?>> keySelectors;
  private final ManualProcessingTimeService processingTime = new ManualProcessingTimeService();
  private final CollectingOutput<OUT> output = new CollectingOutput<>();
  private final MetricRegistry metricRegistry = new MetricRegistry();
  private final Configuration jobConfiguration = new Configuration();
  private String operatorName;
  private int maxParallelism = 128;
  private HeapKeyedStateBackend<Object> stateBackend;
  private TimerServiceManager<Object> timerServiceManager;
  private DefaultOperatorContext<OUT> context;
  private Map<Integer, byte[]> restoredKeyGroups = Map.of();
  private boolean closed;

  protected AbstractOperatorHarness(Operator<OUT> operator, List<KeySelector<?, ?>> keySelectors) {
    this.operator = requireNonNull(operator, "operator");
    this.keySelectors = List.copyOf(keySelectors);
    this.operatorName = operator.getClass().getSimpleName();
  }

  /** The operator name in the context and in metric scopes; defaults to the class name. */
  public void setOperatorName(String name) {
    requireNotOpen();
    this.operatorName = requireNonNull(name, "name");
  }

  /** The number of key groups; defaults to 128. */
  public void setMaxParallelism(int maxParallelism) {
    requireNotOpen();
    this.maxParallelism = maxParallelism;
  }

  /** The job configuration the operator sees; change it before {@link #open}. */
  public Configuration jobConfiguration() {
    return jobConfiguration;
  }

  /** Builds the context and opens the operator. */
  public void open() throws Exception {
    requireNotOpen();
    DefaultOperatorContext.Builder<OUT> builder =
        DefaultOperatorContext.<OUT>builder(operatorName, 0, 1, maxParallelism)
            .output(output)
            .jobConfiguration(jobConfiguration)
            .processingTimeService(processingTime)
            .metrics(metricRegistry.group(MetricRegistry.scope(operatorName, 0)));
    if (!keySelectors.isEmpty()) {
      KeyGroupRange all = new KeyGroupRange(0, maxParallelism - 1);
      stateBackend =
          new HeapKeyedStateBackend<>(all, maxParallelism, processingTime::currentProcessingTime);
      timerServiceManager = new TimerServiceManager<>(all, maxParallelism, processingTime);
      for (Map.Entry<Integer, byte[]> section : restoredKeyGroups.entrySet()) {
        DataInputDeserializer in = new DataInputDeserializer(section.getValue());
        stateBackend.restoreKeyGroup(section.getKey(), in);
        timerServiceManager.restoreKeyGroup(section.getKey(), in);
      }
      builder.keyed(stateBackend, timerServiceManager, keySelectors);
    }
    context = builder.build();
    operator.open(context);
  }

  /**
   * The keyed state and timers of every key group, serialized as a checkpoint writes them, for
   * {@link #restoreKeyedState} on a new harness.
   */
  public Map<Integer, byte[]> snapshotKeyedState() throws IOException {
    requireOpen();
    Map<Integer, byte[]> sections = new HashMap<>();
    for (int keyGroup = 0; keyGroup < maxParallelism; keyGroup++) {
      DataOutputSerializer out = new DataOutputSerializer(64);
      stateBackend.snapshotKeyGroup(keyGroup, out);
      timerServiceManager.snapshotKeyGroup(keyGroup, out);
      sections.put(keyGroup, out.toByteArray());
    }
    return sections;
  }

  /** Makes {@link #open} start from a {@link #snapshotKeyedState} of another harness. */
  public void restoreKeyedState(Map<Integer, byte[]> sections) {
    requireNotOpen();
    this.restoredKeyGroups = Map.copyOf(sections);
  }

  /** Moves processing time forward, firing due processing-time timers and callbacks. */
  public void setProcessingTime(long time) throws Exception {
    processingTime.advanceTo(time);
  }

  public long processingTime() {
    return processingTime.currentProcessingTime();
  }

  /** A checkpoint barrier is about to leave: the operator emits what must precede it. */
  public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
    requireOpen();
    operator.prepareSnapshotPreBarrier(checkpointId);
  }

  /** Signals end of input: the operator flushes what it holds. */
  public void finish() throws Exception {
    requireOpen();
    operator.finish();
  }

  /** Closes the operator, then releases its keyed state and timers. Idempotent. */
  @Override
  public void close() throws Exception {
    if (closed || context == null) {
      return;
    }
    closed = true;
    try {
      operator.close();
    } finally {
      context.close();
    }
  }

  public CollectingOutput<OUT> output() {
    return output;
  }

  /** The values of the main output, in emission order. */
  public List<OUT> values() {
    return output.values();
  }

  public List<CollectingOutput.Timestamped<OUT>> records() {
    return output.records();
  }

  public List<Long> watermarks() {
    return output.watermarks();
  }

  public <X> List<X> sideOutputValues(OutputTag<X> tag) {
    return output.sideOutputValues(tag);
  }

  public MetricRegistry metricRegistry() {
    return metricRegistry;
  }

  /** The value of one of the operator's metrics, or null when it was never registered. */
  public Long metric(String name) {
    return metricRegistry.value(MetricRegistry.scope(operatorName, 0), name);
  }

  /** The keyed state of a keyed operator, e.g. to assert entry counts. */
  public HeapKeyedStateBackend<Object> stateBackend() {
    requireKeyed();
    return stateBackend;
  }

  /** The timers of a keyed operator, e.g. to assert how many are registered. */
  public TimerServiceManager<Object> timerServiceManager() {
    requireKeyed();
    return timerServiceManager;
  }

  public DefaultOperatorContext<OUT> context() {
    requireOpen();
    return context;
  }

  protected final void requireOpen() {
    if (context == null) {
      throw new IllegalStateException("Call open() on the harness first");
    }
    if (closed) {
      throw new IllegalStateException("The harness was closed");
    }
  }

  private void requireNotOpen() {
    if (context != null) {
      throw new IllegalStateException("The harness is already open");
    }
  }

  private void requireKeyed() {
    requireOpen();
    if (stateBackend == null) {
      throw new IllegalStateException("The operator under test is not keyed");
    }
  }
}
