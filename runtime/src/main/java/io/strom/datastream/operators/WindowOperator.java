package io.strom.datastream.operators;

import static java.util.Objects.requireNonNull;

import io.strom.api.OutputTag;
import io.strom.api.functions.KeySelector;
import io.strom.api.state.ValueStateDescriptor;
import io.strom.api.typeinfo.TypeInfo;
import io.strom.datastream.windowing.assigners.MergingWindowAssigner;
import io.strom.datastream.windowing.assigners.WindowAssigner;
import io.strom.datastream.windowing.triggers.EventTimeTrigger;
import io.strom.datastream.windowing.triggers.Trigger;
import io.strom.datastream.windowing.triggers.TriggerResult;
import io.strom.datastream.windowing.windows.Window;
import io.strom.runtime.metrics.Counter;
import io.strom.runtime.operators.AbstractOperator;
import io.strom.runtime.operators.OneInputOperator;
import io.strom.runtime.state.InternalValueState;
import io.strom.runtime.state.KeyedStateAccess;
import io.strom.runtime.state.KeyedStateBackend;
import io.strom.runtime.state.VoidNamespace;
import io.strom.runtime.time.InternalTimerService;
import io.strom.runtime.time.Triggerable;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;

/**
 * Keyed operator that groups elements into windows and evaluates a window whenever its trigger
 * fires. Results carry the window's {@link Window#maxTimestamp()} as their timestamp.
 *
 * <p>Window contents live in keyed state with the window as namespace; trigger and cleanup timers
 * live in one timer service with the window as namespace. For merging (session) assigners, the live
 * windows of each key and the state window each is kept under are held in keyed state too.
 *
 * <p>An event-time window is kept until the watermark passes {@code maxTimestamp +
 * allowedLateness}; elements arriving for a window after that are late: they are counted in {@value
 * #LATE_RECORDS_DROPPED} and dropped, or sent to the late-data side output when one is set.
 * Processing-time windows are removed when the wall clock reaches their end, and are not fired at
 * the end of a bounded input. Called only on the task's thread.
 *
 * @param <K> the key
 * @param <IN> the elements
 * @param <C> a window's contents as the function sees them (see {@link WindowContents})
 * @param <OUT> the results
 * @param <W> the windows
 */
public final class WindowOperator<K, IN, C, OUT, W extends Window> extends AbstractOperator<OUT>
    implements OneInputOperator<IN, OUT>, Triggerable<K, W> {
  private static final long serialVersionUID = 1L;

  /** The counter of elements dropped because all their windows were already cleaned up. */
  public static final String LATE_RECORDS_DROPPED = "numLateRecordsDropped";

  private static final String TIMER_SERVICE = "window-timers";
  private static final String MERGING_WINDOWS_STATE = "window-merging-sets";

  private final WindowAssigner<? super IN, W> assigner;
  private final Trigger<? super IN, ? super W> trigger;
  private final WindowContents<IN, C> contents;
  private final InternalWindowFunction<C, OUT, K, W> function;
  private final long allowedLateness;
  private final OutputTag<IN> lateDataTag;

  private transient boolean eventTime;
  private transient boolean triggerTimerCleansUp;
  private transient boolean eventTimeFastPath;
  private transient KeySelector<IN, K> keySelector;
  private transient WindowContents.Store<K, W, IN, C> store;
  private transient KeyedStateAccess<K> userState;
  private transient InternalTimerService<K, W> timers;
  private transient WindowTriggerContext<K, W> triggerContext;
  private transient WindowAssigner.AssignerContext assignerContext;
  private transient MergingWindowAssigner<?, W> mergingAssigner;
  private transient InternalValueState<K, VoidNamespace, HashMap<W, W>> mergingWindows;
  private transient Counter lateRecordsDropped;
  private transient TimestampedCollector<OUT> collector;
  private transient WindowFiring firing;

  /**
   * @param allowedLateness how long (ms) event-time windows are kept after they fired, to update
   *     their result with late elements
   * @param lateDataTag where late elements go instead of being dropped, or null
   */
  public WindowOperator(
      WindowAssigner<? super IN, W> assigner,
      Trigger<? super IN, ? super W> trigger,
      WindowContents<IN, C> contents,
      InternalWindowFunction<C, OUT, K, W> function,
      long allowedLateness,
      OutputTag<IN> lateDataTag) {
    this.assigner = requireNonNull(assigner, "assigner");
    this.trigger = requireNonNull(trigger, "trigger");
    this.contents = requireNonNull(contents, "contents");
    this.function = requireNonNull(function, "function");
    if (allowedLateness < 0) {
      throw new IllegalArgumentException(
          "Allowed lateness must not be negative, was " + allowedLateness + " ms");
    }
    if (assigner instanceof MergingWindowAssigner && !trigger.canMerge()) {
      throw new IllegalArgumentException(
          assigner
              + " merges windows, but "
              + trigger
              + " cannot merge: use a trigger whose"
              + " canMerge() is true, such as EventTimeTrigger or CountTrigger");
    }
    this.allowedLateness = allowedLateness;
    this.lateDataTag = lateDataTag;
  }

  @Override
  @SuppressWarnings("unchecked")
  protected void setup() throws Exception {
    if (!context.isKeyed()) {
      throw new IllegalStateException(
          "Operator '"
              + context.operatorName()
              + "' is a window on a stream that is not keyed:"
              + " call keyBy(...) before window(...)");
    }
    eventTime = assigner.isEventTime();
    // The event-time trigger sets a timer at maxTimestamp for every live window; without
    // lateness that is the cleanup time too, so a second registration per element would only
    // look up the same timer again.
    triggerTimerCleansUp =
        eventTime && allowedLateness == 0 && trigger == EventTimeTrigger.create();
    eventTimeFastPath = triggerTimerCleansUp && !(assigner instanceof MergingWindowAssigner);
    keySelector = context.keySelector(0);
    KeyedStateBackend<K> backend = context.keyedStateBackend();
    store = contents.createStore(backend);
    timers = context.timerService(TIMER_SERVICE, this);
    triggerContext = new WindowTriggerContext<>(timers, backend);
    assignerContext = timers::currentProcessingTime;
    if (assigner instanceof MergingWindowAssigner<?, ?> merging) {
      mergingAssigner = (MergingWindowAssigner<?, W>) merging;
      mergingWindows =
          backend.valueState(new ValueStateDescriptor<>(MERGING_WINDOWS_STATE, TypeInfo.generic()));
    }
    lateRecordsDropped = context.metrics().counter(LATE_RECORDS_DROPPED);
    collector = new TimestampedCollector<>(output);
    firing = new WindowFiring();
    userState = new KeyedStateAccess<>(backend, context.operatorName());
    function.open(new StreamingRuntimeContext(context, userState));
  }

  @Override
  public void processElement(IN record, long timestamp) throws Exception {
    K key = keySelector.getKey(record);
    List<W> windows = assigner.assignWindows(record, timestamp, assignerContext);
    boolean added =
        mergingAssigner == null
            ? addToWindows(key, record, timestamp, windows)
            : addToMergingWindows(key, record, timestamp, windows);
    if (!added && isElementLate(timestamp)) {
      if (lateDataTag != null) {
        output.collect(lateDataTag, record, timestamp);
      } else {
        lateRecordsDropped.inc();
      }
    }
  }

  /** Adds the element to each window that is not late; true when there was one. */
  private boolean addToWindows(K key, IN record, long timestamp, List<W> windows) throws Exception {
    boolean added = false;
    // Indexed loop: the assigner's lists are random access, and this runs once per element.
    for (int i = 0, n = windows.size(); i < n; i++) {
      W window = windows.get(i);
      if (isWindowLate(window)) {
        continue;
      }
      added = true;
      if (eventTimeFastPath) {
        addWithEventTimeTrigger(key, record, window);
        continue;
      }
      store.add(key, window, record);
      triggerContext.set(key, window);
      TriggerResult result = trigger.onElement(record, timestamp, window, triggerContext);
      apply(result, key, window, window);
      registerCleanupTimer(key, window);
    }
    return added;
  }

  /**
   * What the event-time trigger and cleanup would do for a live window without lateness, with one
   * timer lookup per window instead of one per element: the window's one timer, at its maximum
   * timestamp, exists exactly while the window holds contents (it is set with the first element and
   * clears the contents when it fires), and a live window never fires on an element.
   */
  private void addWithEventTimeTrigger(K key, IN record, W window) throws Exception {
    boolean first = store.isEmpty(key, window);
    store.add(key, window, record);
    if (first) {
      timers.registerEventTimeTimer(key, window, window.maxTimestamp());
    }
  }

  /** Adds the element's windows to the key's sessions, merging them; true when one was live. */
  private boolean addToMergingWindows(K key, IN record, long timestamp, List<W> windows)
      throws Exception {
    MergingWindowSet<W> sessions = loadMergingWindows(key);
    boolean added = false;
    for (int i = 0, n = windows.size(); i < n; i++) {
      W window =
          sessions.add(
              windows.get(i),
              (result, merged, target, sources) -> merge(key, result, merged, target, sources));
      if (isWindowLate(window)) {
        // Only a window that merged with nothing can be late: merging only extends windows.
        sessions.retire(window);
        continue;
      }
      added = true;
      W stateWindow = sessions.stateWindow(window);
      store.add(key, stateWindow, record);
      triggerContext.set(key, window);
      TriggerResult result = trigger.onElement(record, timestamp, window, triggerContext);
      apply(result, key, window, stateWindow);
      registerCleanupTimer(key, window);
    }
    saveMergingWindows(key, sessions);
    return added;
  }

  /** Moves trigger state, timers and contents of merged windows to the merge result. */
  private void merge(K key, W result, Collection<W> merged, W target, Collection<W> sources)
      throws Exception {
    if (isWindowLate(result)) {
      throw new IllegalStateException(
          "Bug in the window operator: merging "
              + merged
              + " gave "
              + result
              + ", which is already past its cleanup time");
    }
    triggerContext.setMerge(key, result, merged);
    trigger.onMerge(result, triggerContext);
    for (W window : merged) {
      triggerContext.set(key, window);
      trigger.clear(window, triggerContext);
      deleteCleanupTimer(key, window);
    }
    store.merge(key, target, sources);
  }

  @Override
  public void onEventTime(K key, W window, long time) throws Exception {
    onTimer(key, window, time, true);
  }

  @Override
  public void onProcessingTime(K key, W window, long time) throws Exception {
    onTimer(key, window, time, false);
  }

  private void onTimer(K key, W window, long time, boolean eventTimeTimer) throws Exception {
    MergingWindowSet<W> sessions = null;
    W stateWindow = window;
    if (mergingAssigner != null) {
      sessions = loadMergingWindows(key);
      stateWindow = sessions.stateWindow(window);
      if (stateWindow == null) {
        // The window was merged into another or cleaned up; its deleted timers cannot fire, but a
        // timer the trigger forgot to delete can.
        return;
      }
    }
    triggerContext.set(key, window);
    TriggerResult result =
        eventTimeTimer
            ? trigger.onEventTime(time, window, triggerContext)
            : trigger.onProcessingTime(time, window, triggerContext);
    apply(result, key, window, stateWindow);
    if (eventTimeTimer == eventTime && time == cleanupTime(window)) {
      store.clear(key, stateWindow);
      triggerContext.set(key, window);
      trigger.clear(window, triggerContext);
      if (sessions != null) {
        sessions.retire(window);
      }
    }
    if (sessions != null) {
      saveMergingWindows(key, sessions);
    }
  }

  private void apply(TriggerResult result, K key, W window, W stateWindow) throws Exception {
    if (result.isFire()) {
      C windowContents = store.get(key, stateWindow);
      if (windowContents != null) {
        emit(key, window, windowContents);
      }
    }
    if (result.isPurge()) {
      store.clear(key, stateWindow);
    }
  }

  private void emit(K key, W window, C windowContents) throws Exception {
    collector.setTimestamp(window.maxTimestamp());
    firing.window = window;
    // A window function's keyed state (from its runtime context) is that of the window's key.
    userState.setCurrentKey(key);
    function.process(key, windowContents, firing, collector);
  }

  private MergingWindowSet<W> loadMergingWindows(K key) {
    HashMap<W, W> mapping = mergingWindows.get(key, VoidNamespace.INSTANCE);
    return new MergingWindowSet<>(mapping == null ? new HashMap<>() : mapping, mergingAssigner);
  }

  private void saveMergingWindows(K key, MergingWindowSet<W> sessions) {
    HashMap<W, W> mapping = sessions.mapping();
    mergingWindows.update(key, VoidNamespace.INSTANCE, mapping.isEmpty() ? null : mapping);
  }

  /** When the window's state is removed: its end plus the allowed lateness in event time. */
  private long cleanupTime(W window) {
    if (!eventTime) {
      return window.maxTimestamp();
    }
    long cleanup = window.maxTimestamp() + allowedLateness;
    // A window near the end of time would overflow; it is then kept until the very end.
    return cleanup >= window.maxTimestamp() ? cleanup : Long.MAX_VALUE;
  }

  private boolean isWindowLate(W window) {
    return eventTime && cleanupTime(window) <= timers.currentWatermark();
  }

  private boolean isElementLate(long timestamp) {
    return eventTime
        && timestamp + allowedLateness <= timers.currentWatermark()
        && timestamp + allowedLateness >= timestamp;
  }

  private void registerCleanupTimer(K key, W window) {
    long time = cleanupTime(window);
    if (time == Long.MAX_VALUE || triggerTimerCleansUp) {
      // State kept until the final watermark ends with the job; and the event-time trigger's
      // timer already is the cleanup timer when there is no lateness.
      return;
    }
    if (eventTime) {
      timers.registerEventTimeTimer(key, window, time);
    } else {
      timers.registerProcessingTimeTimer(key, window, time);
    }
  }

  private void deleteCleanupTimer(K key, W window) {
    long time = cleanupTime(window);
    if (time == Long.MAX_VALUE) {
      return;
    }
    if (eventTime) {
      timers.deleteEventTimeTimer(key, window, time);
    } else {
      timers.deleteProcessingTimeTimer(key, window, time);
    }
  }

  @Override
  public void close() throws Exception {
    function.close();
  }

  /** The window being evaluated, as the window function sees it. */
  private final class WindowFiring implements InternalWindowFunction.Firing<W> {
    private W window;

    @Override
    public W window() {
      return window;
    }

    @Override
    public long currentProcessingTime() {
      return timers.currentProcessingTime();
    }

    @Override
    public long currentWatermark() {
      return timers.currentWatermark();
    }

    @Override
    public <X> void output(OutputTag<X> tag, X value) {
      output.collect(tag, value, window.maxTimestamp());
    }
  }
}
