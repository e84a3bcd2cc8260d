package io.strom.runtime.time;

import static java.util.Objects.requireNonNull;

import io.strom.runtime.state.KeyGroupRange;
import io.strom.runtime.state.KeyGroupSnapshot;
import io.strom.serde.DataInputDeserializer;
import io.strom.serde.DataInputView;
import io.strom.serde.DataOutputSerializer;
import io.strom.serde.DynamicSerializer;
import io.strom.serde.TypeSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The named timer services of one keyed operator subtask, and the one place that fires them.
 *
 * <p>Event-time timers fire in {@link #advanceWatermark}, in time order across all services,
 * including timers that firing callbacks register for times the watermark has passed.
 * Processing-time timers fire through the {@link ProcessingTimeService}: only the earliest timer
 * has a scheduled callback; when it runs, every due timer fires in time order and the next
 * earliest is scheduled.
 *
 * <p>Checkpoints write and read timers per key group ({@link #snapshot}, {@link
 * #restoreKeyGroup}). Restored timers wait, as bytes, until the operator asks for their service by
 * name (only then is the target known); timers of a service not asked for again are written to
 * later checkpoints from those bytes.
 *
 * <p>Used only on the task's thread (processing-time callbacks run there too).
 */
public final class TimerServiceManager<K> implements AutoCloseable {
  private final KeyGroupRange keyGroupRange;
  private final int maxParallelism;
  private final ProcessingTimeService processingTimeService;
  private final TimerQueueFactory queueFactory;
  private final Map<String, KeyedTimerService<K, ?>> services = new LinkedHashMap<>();
  // Services in creation order, iterated on every firing step without allocating an iterator.
  private final List<KeyedTimerService<K, ?>> serviceList = new ArrayList<>();

  private long currentWatermark = Watermarks.NONE;
  private ProcessingTimeService.Cancellable scheduledWakeUp;
  private long scheduledWakeUpTime = Long.MAX_VALUE;
  private boolean firingProcessingTimers;

  // Keys and namespaces of timers are written self-describing: operators do not declare their types.
  private final TypeSerializer<Object> keySerializer = new DynamicSerializer();
  private final TypeSerializer<Object> namespaceSerializer = new DynamicSerializer();
  private final Map<String, Map<Integer, byte[]>> restored = new LinkedHashMap<>();

  /**
   * @param keyGroupRange the key groups of this subtask; timers for other keys are a bug
   * @param maxParallelism the number of key groups of the job
   * @param processingTimeService the task's clock and scheduler of processing-time callbacks
   */
  public TimerServiceManager(
      KeyGroupRange keyGroupRange,
      int maxParallelism,
      ProcessingTimeService processingTimeService) {
    this(keyGroupRange, maxParallelism, processingTimeService, TimerQueueFactory.HEAP);
  }

  /**
   * @param queueFactory where timers live: on the heap, or in the RocksDB of the keyed state
   */
  public TimerServiceManager(
      KeyGroupRange keyGroupRange,
      int maxParallelism,
      ProcessingTimeService processingTimeService,
      TimerQueueFactory queueFactory) {
    this.queueFactory = requireNonNull(queueFactory, "queueFactory");
    this.keyGroupRange = requireNonNull(keyGroupRange, "keyGroupRange");
    this.processingTimeService = requireNonNull(processingTimeService, "processingTimeService");
    if (maxParallelism <= 0) {
      throw new IllegalArgumentException("Max parallelism must be positive: " + maxParallelism);
    }
    this.maxParallelism = maxParallelism;
  }

  /**
   * The timer service with this name, created on first use, whose timers call {@code target}.
   *
   * @throws IllegalStateException if the name is already bound to another target
   */
  @SuppressWarnings("unchecked")
  public <N> InternalTimerService<K, N> getTimerService(String name, Triggerable<K, N> target) {
    requireNonNull(name, "name");
    requireNonNull(target, "target");
    KeyedTimerService<K, ?> existing = services.get(name);
    if (existing != null) {
      if (existing.target != target) {
        throw new IllegalStateException(
            "Timer service '" + name + "' already fires into another target; give each timer"
                + " service of an operator its own name");
      }
      return (InternalTimerService<K, N>) existing;
    }
    KeyedTimerService<K, N> created = new KeyedTimerService<>(name, target, this);
    services.put(name, created);
    serviceList.add(created);
    Map<Integer, byte[]> pending = restored.remove(name);
    if (pending != null) {
      for (byte[] body : pending.values()) {
        readTimers(created, new DataInputDeserializer(body));
      }
    }
    return created;
  }

  /**
   * Writes the timers of one key group, for a checkpoint, in the layout of {@link
   * TimerServiceSnapshot}.
   */
  public void snapshotKeyGroup(int keyGroup, DataOutputSerializer out) throws IOException {
    try (KeyGroupSnapshot frozen = snapshot(true)) {
      frozen.writeKeyGroup(keyGroup, out);
    }
  }

  /**
   * The synchronous part of a checkpoint: freezes the timers of every key group (see {@link
   * TimerQueue#freeze}), to be written later on a snapshot thread. Without {@code
   * withStoredTimers} it leaves out the timers the keyed state backend stores itself (see {@link
   * TimerQueueFactory#storedWithKeyedState}), for a snapshot of the backend's own files that holds
   * them already. The caller closes it.
   */
  public KeyGroupSnapshot snapshot(boolean withStoredTimers) {
    boolean skipServices = !withStoredTimers && queueFactory.storedWithKeyedState();
    List<TimerServiceSnapshot.Service> frozen = new ArrayList<>();
    if (!skipServices) {
      for (KeyedTimerService<K, ?> service : serviceList) {
        frozen.add(
            new TimerServiceSnapshot.Service(
                service.name,
                service.eventTimers.freeze(keyGroupRange),
                service.processingTimers.freeze(keyGroupRange)));
      }
    }
    Map<String, Map<Integer, byte[]>> restoredNow = new LinkedHashMap<>();
    restored.forEach((name, bodies) -> restoredNow.put(name, Map.copyOf(bodies)));
    return new TimerServiceSnapshot(
        frozen, restoredNow, keySerializer.duplicate(), namespaceSerializer.duplicate());
  }

  /** Reads what {@link #snapshotKeyGroup} wrote for a key group of this manager's range. */
  public void restoreKeyGroup(int keyGroup, DataInputView in) throws IOException {
    if (!keyGroupRange.contains(keyGroup)) {
      throw new IllegalArgumentException(
          "Bug: restoring timers of key group " + keyGroup + " outside [" + keyGroupRange.first()
              + ", " + keyGroupRange.last() + "]");
    }
    int count = in.readInt();
    for (int i = 0; i < count; i++) {
      String name = in.readUTF();
      byte[] body = new byte[in.readInt()];
      in.readFully(body);
      KeyedTimerService<K, ?> existing = services.get(name);
      if (existing != null) {
        readTimers(existing, new DataInputDeserializer(body));
      } else {
        restored.computeIfAbsent(name, n -> new HashMap<>()).put(keyGroup, body);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private <N> void readTimers(KeyedTimerService<K, N> service, DataInputView in) {
    try {
      for (int kind = 0; kind < 2; kind++) {
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
          K key = (K) keySerializer.deserialize(in);
          N namespace = (N) namespaceSerializer.deserialize(in);
          long time = in.readLong();
          if (kind == 0) {
            service.registerEventTimeTimer(key, namespace, time);
          } else {
            service.registerProcessingTimeTimer(key, namespace, time);
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(
          "Timers of service '" + service.name + "' could not be restored: " + e.getMessage(), e);
    }
  }

  /** The last watermark passed to {@link #advanceWatermark}, or {@link Watermarks#NONE}. */
  public long currentWatermark() {
    return currentWatermark;
  }

  /** Sets the event time and fires every event-time timer with time ≤ {@code watermark}. */
  public void advanceWatermark(long watermark) throws Exception {
    currentWatermark = watermark;
    KeyedTimerService<K, ?> next;
    while ((next = earliest(true, watermark)) != null) {
      next.fireEventTimer();
    }
  }

  /** The names of the timer services created so far. */
  public Set<String> timerServiceNames() {
    return Collections.unmodifiableSet(services.keySet());
  }

  /** Visits the timers of one service in one key group, e.g. to write a snapshot of it. */
  public void forEachTimer(
      String serviceName, int keyGroup, boolean eventTime, Consumer<InternalTimer<K, ?>> action) {
    KeyedTimerService<K, ?> service = services.get(serviceName);
    if (service == null) {
      throw new IllegalArgumentException("No timer service named '" + serviceName + "'");
    }
    (eventTime ? service.eventTimers : service.processingTimers)
        .forEachInKeyGroup(keyGroup, action::accept);
  }

  public int numEventTimeTimers() {
    int n = 0;
    for (KeyedTimerService<K, ?> service : serviceList) {
      n += service.eventTimers.size();
    }
    return n;
  }

  public int numProcessingTimeTimers() {
    int n = 0;
    for (KeyedTimerService<K, ?> service : serviceList) {
      n += service.processingTimers.size();
    }
    return n;
  }

  /** Withdraws the scheduled processing-time callback; registered timers no longer fire. */
  @Override
  public void close() {
    if (scheduledWakeUp != null) {
      scheduledWakeUp.cancel();
      scheduledWakeUp = null;
    }
    scheduledWakeUpTime = Long.MAX_VALUE;
    restored.clear();
  }

  public KeyGroupRange keyGroupRange() {
    return keyGroupRange;
  }

  public int maxParallelism() {
    return maxParallelism;
  }

  TimerQueueFactory queueFactory() {
    return queueFactory;
  }

  ProcessingTimeService processingTimeService() {
    return processingTimeService;
  }

  /** A processing-time timer was added; wake up earlier if it is the new earliest. */
  void processingTimerAdded(long time) {
    if (!firingProcessingTimers && time < scheduledWakeUpTime) {
      schedule(time);
    }
  }

  private void schedule(long time) {
    if (scheduledWakeUp != null) {
      scheduledWakeUp.cancel();
    }
    scheduledWakeUpTime = time;
    scheduledWakeUp = processingTimeService.registerTimer(time, this::onProcessingTime);
  }

  private void onProcessingTime(long time) throws Exception {
    scheduledWakeUp = null;
    scheduledWakeUpTime = Long.MAX_VALUE;
    // Timers that became due while this callback waited in the mailbox fire now as well.
    long now = Math.max(time, processingTimeService.currentProcessingTime());
    firingProcessingTimers = true;
    try {
      KeyedTimerService<K, ?> next;
      while ((next = earliest(false, now)) != null) {
        next.fireProcessingTimer();
      }
    } finally {
      firingProcessingTimers = false;
    }
    KeyedTimerService<K, ?> following = earliest(false, Long.MAX_VALUE);
    if (following != null) {
      schedule(following.processingTimers.peek().time());
    }
  }

  /** The service whose earliest timer of the kind is due at {@code limit} and first; or null. */
  private KeyedTimerService<K, ?> earliest(boolean eventTime, long limit) {
    KeyedTimerService<K, ?> best = null;
    InternalTimer<K, ?> bestTimer = null;
    for (int i = 0, n = serviceList.size(); i < n; i++) {
      KeyedTimerService<K, ?> service = serviceList.get(i);
      InternalTimer<K, ?> head =
          eventTime ? service.eventTimers.peek() : service.processingTimers.peek();
      if (head != null
          && head.time() <= limit
          && (bestTimer == null || head.time() < bestTimer.time())) {
        best = service;
        bestTimer = head;
      }
    }
    return best;
  }
}
