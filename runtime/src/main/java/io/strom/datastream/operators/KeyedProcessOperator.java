package io.strom.datastream.operators;

import io.strom.api.OutputTag;
import io.strom.api.functions.KeySelector;
import io.strom.datastream.functions.KeyedProcessFunction;
import io.strom.datastream.functions.TimeDomain;
import io.strom.datastream.functions.TimerService;
import io.strom.runtime.operators.AbstractOperator;
import io.strom.runtime.operators.OneInputOperator;
import io.strom.runtime.operators.Output;
import io.strom.runtime.state.KeyedStateAccess;
import io.strom.runtime.state.VoidNamespace;
import io.strom.runtime.time.Triggerable;

/**
 * Runs a {@link KeyedProcessFunction}: before each element and each timer it binds the function's
 * state and timers to that element's (or timer's) key.
 */
public final class KeyedProcessOperator<K, I, O> extends AbstractOperator<O>
    implements OneInputOperator<I, O>, Triggerable<K, VoidNamespace> {
  private static final long serialVersionUID = 1L;

  private final KeyedProcessFunction<K, I, O> function;
  private transient KeySelector<I, K> keySelector;
  private transient KeyedStateAccess<K> keys;
  private transient TimestampedCollector<O> collector;
  private transient TimerService timers;
  // One context serves elements and timers: an OnTimerContext is a Context.
  private transient ContextImpl ctx;

  public KeyedProcessOperator(KeyedProcessFunction<K, I, O> function) {
    this.function = function;
  }

  @Override
  protected void setup() throws Exception {
    keySelector = context.keySelector(0);
    keys = new KeyedStateAccess<>(context.<K>keyedStateBackend(), context.operatorName());
    collector = new TimestampedCollector<>(output);
    timers = new KeyedTimerService<>(context.timerService("user-timers", this), keys);
    ctx = new ContextImpl();
    UserFunctions.open(function, new StreamingRuntimeContext(context, keys));
  }

  @Override
  public void processElement(I record, long timestamp) throws Exception {
    keys.setCurrentKey(keySelector.getKey(record));
    collector.setTimestamp(timestamp);
    function.processElement(record, ctx, collector);
  }

  @Override
  public void onEventTime(K key, VoidNamespace namespace, long time) throws Exception {
    fire(key, time, time, TimeDomain.EVENT_TIME);
  }

  @Override
  public void onProcessingTime(K key, VoidNamespace namespace, long time) throws Exception {
    fire(key, time, Output.NO_TIMESTAMP, TimeDomain.PROCESSING_TIME);
  }

  private void fire(K key, long time, long outputTimestamp, TimeDomain domain) throws Exception {
    keys.setCurrentKey(key);
    collector.setTimestamp(outputTimestamp);
    ctx.domain = domain;
    function.onTimer(time, ctx, collector);
  }

  @Override
  public void close() throws Exception {
    UserFunctions.close(function);
  }

  private final class ContextImpl extends KeyedProcessFunction<K, I, O>.OnTimerContext {
    private TimeDomain domain;

    ContextImpl() {
      function.super();
    }

    @Override
    public TimeDomain timeDomain() {
      return domain;
    }

    @Override
    public Long timestamp() {
      return collector.timestampOrNull();
    }

    @Override
    public TimerService timerService() {
      return timers;
    }

    @Override
    public <X> void output(OutputTag<X> outputTag, X value) {
      collector.collect(outputTag, value);
    }

    @Override
    public K getCurrentKey() {
      return keys.currentKey();
    }
  }
}
