package io.strom.datastream.operators;

import io.strom.api.OutputTag;
import io.strom.api.functions.KeySelector;
import io.strom.datastream.functions.KeyedCoProcessFunction;
import io.strom.datastream.functions.TimeDomain;
import io.strom.datastream.functions.TimerService;
import io.strom.runtime.operators.AbstractOperator;
import io.strom.runtime.operators.Output;
import io.strom.runtime.operators.TwoInputOperator;
import io.strom.runtime.state.KeyedStateAccess;
import io.strom.runtime.state.VoidNamespace;
import io.strom.runtime.time.Triggerable;

/**
 * Runs a {@link KeyedCoProcessFunction} over two streams keyed alike: both inputs share the state
 * and timers of a key.
 */
public final class KeyedCoProcessOperator<K, I1, I2, O> extends AbstractOperator<O>
    implements TwoInputOperator<I1, I2, O>, Triggerable<K, VoidNamespace> {
  private static final long serialVersionUID = 1L;

  private final KeyedCoProcessFunction<K, I1, I2, O> function;
  private transient KeySelector<I1, K> firstKey;
  private transient KeySelector<I2, K> secondKey;
  private transient KeyedStateAccess<K> keys;
  private transient TimestampedCollector<O> collector;
  private transient TimerService timers;
  // One context serves elements and timers: an OnTimerContext is a Context.
  private transient ContextImpl ctx;

  public KeyedCoProcessOperator(KeyedCoProcessFunction<K, I1, I2, O> function) {
    this.function = function;
  }

  @Override
  protected void setup() throws Exception {
    firstKey = context.keySelector(0);
    secondKey = context.keySelector(1);
    keys = new KeyedStateAccess<>(context.<K>keyedStateBackend(), context.operatorName());
    collector = new TimestampedCollector<>(output);
    timers = new KeyedTimerService<>(context.timerService("user-timers", this), keys);
    ctx = new ContextImpl();
    UserFunctions.open(function, new StreamingRuntimeContext(context, keys));
  }

  @Override
  public void processElement1(I1 record, long timestamp) throws Exception {
    keys.setCurrentKey(firstKey.getKey(record));
    collector.setTimestamp(timestamp);
    function.processElement1(record, ctx, collector);
  }

  @Override
  public void processElement2(I2 record, long timestamp) throws Exception {
    keys.setCurrentKey(secondKey.getKey(record));
    collector.setTimestamp(timestamp);
    function.processElement2(record, ctx, collector);
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

  private final class ContextImpl
      extends KeyedCoProcessFunction<K, I1, I2, O>.OnTimerContext {
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
