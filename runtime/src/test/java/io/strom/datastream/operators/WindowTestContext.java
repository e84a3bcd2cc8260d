package io.strom.datastream.operators;

import io.strom.api.OutputTag;
import io.strom.api.functions.AggregateFunction;
import io.strom.api.functions.KeySelector;
import io.strom.api.functions.ReduceFunction;
import io.strom.api.state.AggregatingStateDescriptor;
import io.strom.api.state.ListStateDescriptor;
import io.strom.api.state.MapStateDescriptor;
import io.strom.api.state.ReducingStateDescriptor;
import io.strom.api.state.ValueStateDescriptor;
import io.strom.configuration.Configuration;
import io.strom.runtime.metrics.Counter;
import io.strom.runtime.metrics.MetricGroup;
import io.strom.runtime.operators.OperatorContext;
import io.strom.runtime.operators.Output;
import io.strom.runtime.state.InternalAggregatingState;
import io.strom.runtime.state.InternalListState;
import io.strom.runtime.state.InternalMapState;
import io.strom.runtime.state.InternalReducingState;
import io.strom.runtime.state.InternalValueState;
import io.strom.runtime.state.KeyGroupRange;
import io.strom.runtime.state.KeyedStateBackend;
import io.strom.runtime.time.InternalTimerService;
import io.strom.runtime.time.ProcessingTimeService;
import io.strom.runtime.time.Triggerable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.LongSupplier;

/**
 * A stand-in operator context for window operator tests until the shared operator harness lands:
 * keyed state in hash maps, timers in sorted sets, manual processing time, collected output.
 */
final class WindowTestContext<OUT> implements OperatorContext<OUT> {
  record Emitted(Object value, long timestamp) {}

  private final KeySelector<?, ?> keySelector;
  final List<Emitted> records = new ArrayList<>();
  final Map<String, List<Emitted>> sideOutputs = new HashMap<>();
  final List<Long> watermarks = new ArrayList<>();
  final Map<String, Counter> counters = new HashMap<>();
  private final Backend backend = new Backend();
  private Timers timers;
  private long processingTime;
  private long watermark = Long.MIN_VALUE;

  WindowTestContext(KeySelector<?, ?> keySelector) {
    this.keySelector = keySelector;
  }

  void setProcessingTime(long time) throws Exception {
    processingTime = time;
    if (timers != null) {
      timers.fire(false, time);
    }
  }

  /** The number of (key, namespace) entries held across all states. */
  int stateEntries() {
    return backend.states.values().stream().mapToInt(Map::size).sum();
  }

  int timerCount() {
    return timers == null ? 0 : timers.timers.size();
  }

  @Override
  public String operatorName() {
    return "Window";
  }

  @Override
  public int subtaskIndex() {
    return 0;
  }

  @Override
  public int parallelism() {
    return 1;
  }

  @Override
  public int maxParallelism() {
    return 128;
  }

  @Override
  public Output<OUT> output() {
    return new Output<>() {
      @Override
      public void collect(OUT record, long timestamp) {
        records.add(new Emitted(record, timestamp));
      }

      @Override
      public <X> void collect(OutputTag<X> tag, X record, long timestamp) {
        sideOutputs.computeIfAbsent(tag.id(), t -> new ArrayList<>()).add(new Emitted(record, timestamp));
      }

      @Override
      public void emitWatermark(long wm) {
        watermarks.add(wm);
      }

      @Override
      public void emitWatermarkStatus(boolean idle) {}
    };
  }

  @Override
  public Configuration jobConfiguration() {
    return new Configuration();
  }

  @Override
  public ClassLoader userCodeClassLoader() {
    return getClass().getClassLoader();
  }

  @Override
  public ProcessingTimeService processingTimeService() {
    throw new UnsupportedOperationException();
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
    return true;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <IN, K> KeySelector<IN, K> keySelector(int inputIndex) {
    return (KeySelector<IN, K>) keySelector;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <K> KeyedStateBackend<K> keyedStateBackend() {
    return (KeyedStateBackend<K>) backend;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <K, N> InternalTimerService<K, N> timerService(String name, Triggerable<K, N> target) {
    timers = new Timers((Triggerable<Object, Object>) target);
    return (InternalTimerService<K, N>) timers;
  }

  @Override
  public void advanceWatermark(long wm) throws Exception {
    watermark = wm;
    timers.fire(true, wm);
  }

  private record Timer(boolean eventTime, long time, long seq, Object key, Object ns) {}

  private final class Timers implements InternalTimerService<Object, Object> {
    private final Triggerable<Object, Object> target;
    private final TreeSet<Timer> timers =
        new TreeSet<>((a, b) -> a.time != b.time ? Long.compare(a.time, b.time) : Long.compare(a.seq, b.seq));
    private long seq;

    Timers(Triggerable<Object, Object> target) {
      this.target = target;
    }

    void fire(boolean eventTime, long upTo) throws Exception {
      while (true) {
        Timer due = null;
        for (Timer t : timers) {
          if (t.time > upTo) {
            break;
          }
          if (t.eventTime == eventTime) {
            due = t;
            break;
          }
        }
        if (due == null) {
          return;
        }
        timers.remove(due);
        if (eventTime) {
          target.onEventTime(due.key, due.ns, due.time);
        } else {
          target.onProcessingTime(due.key, due.ns, due.time);
        }
      }
    }

    private Timer find(boolean eventTime, Object key, Object ns, long time) {
      for (Timer t : timers) {
        if (t.eventTime == eventTime && t.time == time && t.key.equals(key) && t.ns.equals(ns)) {
          return t;
        }
      }
      return null;
    }

    @Override
    public long currentProcessingTime() {
      return processingTime;
    }

    @Override
    public long currentWatermark() {
      return watermark;
    }

    private void register(boolean eventTime, Object key, Object ns, long time) {
      if (find(eventTime, key, ns, time) == null) {
        timers.add(new Timer(eventTime, time, seq++, key, ns));
      }
    }

    private void delete(boolean eventTime, Object key, Object ns, long time) {
      Timer t = find(eventTime, key, ns, time);
      if (t != null) {
        timers.remove(t);
      }
    }

    @Override
    public void registerEventTimeTimer(Object key, Object ns, long time) {
      register(true, key, ns, time);
    }

    @Override
    public void deleteEventTimeTimer(Object key, Object ns, long time) {
      delete(true, key, ns, time);
    }

    @Override
    public void registerProcessingTimeTimer(Object key, Object ns, long time) {
      register(false, key, ns, time);
    }

    @Override
    public void deleteProcessingTimeTimer(Object key, Object ns, long time) {
      delete(false, key, ns, time);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static final class Backend implements KeyedStateBackend<Object> {
    final Map<String, Map<List<Object>, Object>> states = new HashMap<>();

    private Map<List<Object>, Object> state(String name) {
      return states.computeIfAbsent(name, n -> new HashMap<>());
    }

    @Override
    public KeyGroupRange keyGroupRange() {
      return new KeyGroupRange(0, 127);
    }

    @Override
    public int maxParallelism() {
      return 128;
    }

    @Override
    public InternalValueState valueState(ValueStateDescriptor descriptor) {
      Map<List<Object>, Object> m = state(descriptor.name());
      return new InternalValueState<Object, Object, Object>() {
        public Object get(Object k, Object n) {
          return m.get(List.of(k, n));
        }

        public void update(Object k, Object n, Object v) {
          if (v == null) {
            m.remove(List.of(k, n));
          } else {
            m.put(List.of(k, n), v);
          }
        }

        public void clear(Object k, Object n) {
          m.remove(List.of(k, n));
        }
      };
    }

    @Override
    public InternalListState listState(ListStateDescriptor descriptor) {
      Map<List<Object>, Object> m = state(descriptor.name());
      return new InternalListState<Object, Object, Object>() {
        public List<Object> get(Object k, Object n) {
          return (List<Object>) m.get(List.of(k, n));
        }

        public void add(Object k, Object n, Object v) {
          ((List<Object>) m.computeIfAbsent(List.of(k, n), x -> new ArrayList<>())).add(v);
        }

        public void addAll(Object k, Object n, List<Object> vs) {
          vs.forEach(v -> add(k, n, v));
        }

        public void update(Object k, Object n, List<Object> vs) {
          clear(k, n);
          addAll(k, n, vs);
        }

        public void mergeNamespaces(Object k, Object target, Collection<Object> sources) {
          for (Object s : sources) {
            List<Object> l = (List<Object>) m.remove(List.of(k, s));
            if (l != null) {
              addAll(k, target, l);
            }
          }
        }

        public void clear(Object k, Object n) {
          m.remove(List.of(k, n));
        }
      };
    }

    @Override
    public InternalMapState mapState(MapStateDescriptor descriptor) {
      throw new UnsupportedOperationException();
    }

    @Override
    public InternalReducingState reducingState(ReducingStateDescriptor descriptor) {
      Map<List<Object>, Object> m = state(descriptor.name());
      ReduceFunction<Object> f = descriptor.reduceFunction();
      return new InternalReducingState<Object, Object, Object>() {
        public Object get(Object k, Object n) {
          return m.get(List.of(k, n));
        }

        public void add(Object k, Object n, Object v) throws Exception {
          Object old = m.get(List.of(k, n));
          m.put(List.of(k, n), old == null ? v : f.reduce(old, v));
        }

        public void mergeNamespaces(Object k, Object target, Collection<Object> sources)
            throws Exception {
          for (Object s : sources) {
            Object v = m.remove(List.of(k, s));
            if (v != null) {
              add(k, target, v);
            }
          }
        }

        public void clear(Object k, Object n) {
          m.remove(List.of(k, n));
        }
      };
    }

    @Override
    public InternalAggregatingState aggregatingState(AggregatingStateDescriptor descriptor) {
      Map<List<Object>, Object> m = state(descriptor.name());
      AggregateFunction<Object, Object, Object> f = descriptor.aggregateFunction();
      return new InternalAggregatingState<Object, Object, Object, Object, Object>() {
        public Object get(Object k, Object n) {
          Object acc = m.get(List.of(k, n));
          return acc == null ? null : f.getResult(acc);
        }

        public Object getAccumulator(Object k, Object n) {
          return m.get(List.of(k, n));
        }

        public void add(Object k, Object n, Object v) {
          Object acc = m.get(List.of(k, n));
          m.put(List.of(k, n), f.add(v, acc == null ? f.createAccumulator() : acc));
        }

        public void mergeNamespaces(Object k, Object target, Collection<Object> sources) {
          for (Object s : sources) {
            Object acc = m.remove(List.of(k, s));
            if (acc != null) {
              Object t = m.get(List.of(k, target));
              m.put(List.of(k, target), t == null ? acc : f.merge(t, acc));
            }
          }
        }

        public void clear(Object k, Object n) {
          m.remove(List.of(k, n));
        }
      };
    }

    @Override
    public void close() {}
  }
}
