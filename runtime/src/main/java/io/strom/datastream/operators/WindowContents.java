package io.strom.datastream.operators;

import static java.util.Objects.requireNonNull;

import io.strom.api.functions.AggregateFunction;
import io.strom.api.functions.ReduceFunction;
import io.strom.api.state.AggregatingStateDescriptor;
import io.strom.api.state.ListStateDescriptor;
import io.strom.api.state.ReducingStateDescriptor;
import io.strom.api.typeinfo.TypeInfo;
import io.strom.runtime.state.InternalAggregatingState;
import io.strom.runtime.state.InternalListState;
import io.strom.runtime.state.InternalMergingState;
import io.strom.runtime.state.InternalReducingState;
import io.strom.runtime.state.KeyedStateBackend;
import java.io.Serializable;
import java.util.Collection;

/**
 * How a {@link WindowOperator} keeps the contents of a window in keyed state, with the window as
 * namespace: every element ({@link #list}), one value reduced as elements arrive ({@link
 * #reducing}), or an aggregate's accumulator ({@link #aggregating}).
 *
 * @param <IN> the elements added to a window
 * @param <C> what a fired window hands to the window function
 */
public abstract class WindowContents<IN, C> implements Serializable {
  private static final long serialVersionUID = 1L;

  static final String STATE_NAME = "window-contents";

  private WindowContents() {}

  /** Keeps every element; the window function sees them all. */
  public static <T> WindowContents<T, Iterable<T>> list(TypeInfo<T> elementType) {
    return new ListContents<>(elementType);
  }

  /** Reduces elements into one value as they arrive. */
  public static <T> WindowContents<T, T> reducing(ReduceFunction<T> function, TypeInfo<T> type) {
    return new ReducingContents<>(function, type);
  }

  /** Adds elements to an accumulator as they arrive; the window function sees its result. */
  public static <IN, ACC, OUT> WindowContents<IN, OUT> aggregating(
      AggregateFunction<IN, ACC, OUT> function, TypeInfo<ACC> accumulatorType) {
    return new AggregatingContents<>(function, accumulatorType);
  }

  /** Creates the state of one operator instance. */
  abstract <K, W> Store<K, W, IN, C> createStore(KeyedStateBackend<K> backend);

  /** A short description for operator names, e.g. {@code "reduce"}. */
  public abstract String describe();

  /** The contents of the windows of one operator instance; used on the task's thread. */
  interface Store<K, W, IN, C> {
    void add(K key, W window, IN value) throws Exception;

    /** The window's contents, or null when it holds nothing. */
    C get(K key, W window);

    /** True when the window holds nothing; cheaper than {@link #get}, which may compute. */
    boolean isEmpty(K key, W window);

    void clear(K key, W window);

    /** Moves the contents of {@code sources} into {@code target}, as when sessions merge. */
    void merge(K key, W target, Collection<W> sources) throws Exception;
  }

  /** The parts every store shares: clearing and merging its one merging state. */
  private abstract static class MergingStore<K, W, IN, C> implements Store<K, W, IN, C> {
    private final InternalMergingState<K, W> state;

    MergingStore(InternalMergingState<K, W> state) {
      this.state = state;
    }

    @Override
    public final void clear(K key, W window) {
      state.clear(key, window);
    }

    @Override
    public final void merge(K key, W target, Collection<W> sources) throws Exception {
      if (!sources.isEmpty()) {
        state.mergeNamespaces(key, target, sources);
      }
    }
  }

  private static final class ListContents<T> extends WindowContents<T, Iterable<T>> {
    private static final long serialVersionUID = 1L;
    private final TypeInfo<T> type;

    ListContents(TypeInfo<T> type) {
      this.type = requireNonNull(type, "type");
    }

    @Override
    <K, W> Store<K, W, T, Iterable<T>> createStore(KeyedStateBackend<K> backend) {
      InternalListState<K, W, T> state =
          backend.listState(new ListStateDescriptor<>(STATE_NAME, type));
      return new MergingStore<>(state) {
        @Override
        public void add(K key, W window, T value) {
          state.add(key, window, value);
        }

        @Override
        public Iterable<T> get(K key, W window) {
          return state.get(key, window);
        }

        @Override
        public boolean isEmpty(K key, W window) {
          return state.get(key, window) == null;
        }
      };
    }

    @Override
    public String describe() {
      return "process";
    }
  }

  private static final class ReducingContents<T> extends WindowContents<T, T> {
    private static final long serialVersionUID = 1L;
    private final ReduceFunction<T> function;
    private final TypeInfo<T> type;

    ReducingContents(ReduceFunction<T> function, TypeInfo<T> type) {
      this.function = requireNonNull(function, "function");
      this.type = requireNonNull(type, "type");
    }

    @Override
    <K, W> Store<K, W, T, T> createStore(KeyedStateBackend<K> backend) {
      InternalReducingState<K, W, T> state =
          backend.reducingState(new ReducingStateDescriptor<>(STATE_NAME, function, type));
      return new MergingStore<>(state) {
        @Override
        public void add(K key, W window, T value) throws Exception {
          state.add(key, window, value);
        }

        @Override
        public T get(K key, W window) {
          return state.get(key, window);
        }

        @Override
        public boolean isEmpty(K key, W window) {
          return state.get(key, window) == null;
        }
      };
    }

    @Override
    public String describe() {
      return "reduce";
    }
  }

  private static final class AggregatingContents<IN, ACC, OUT> extends WindowContents<IN, OUT> {
    private static final long serialVersionUID = 1L;
    private final AggregateFunction<IN, ACC, OUT> function;
    private final TypeInfo<ACC> accumulatorType;

    AggregatingContents(AggregateFunction<IN, ACC, OUT> function, TypeInfo<ACC> accumulatorType) {
      this.function = requireNonNull(function, "function");
      this.accumulatorType = requireNonNull(accumulatorType, "accumulatorType");
    }

    @Override
    <K, W> Store<K, W, IN, OUT> createStore(KeyedStateBackend<K> backend) {
      InternalAggregatingState<K, W, IN, ACC, OUT> state =
          backend.aggregatingState(
              new AggregatingStateDescriptor<>(STATE_NAME, function, accumulatorType));
      return new MergingStore<>(state) {
        @Override
        public void add(K key, W window, IN value) throws Exception {
          state.add(key, window, value);
        }

        @Override
        public OUT get(K key, W window) {
          return state.get(key, window);
        }

        @Override
        public boolean isEmpty(K key, W window) {
          return state.getAccumulator(key, window) == null;
        }
      };
    }

    @Override
    public String describe() {
      return "aggregate";
    }
  }
}
