package io.strom.connector.kafka;

import io.strom.connector.ConnectorException;
import io.strom.runtime.source.SplitEnumerator;
import io.strom.runtime.source.SplitEnumeratorContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the partitions of a Kafka source, resolves where each starts and stops, and gives each to
 * one reader: partition {@code p} of a topic goes to reader {@code (hash(topic) + p) mod
 * parallelism}, so a topic's partitions spread evenly. An unbounded source looks again every
 * discovery interval and reads new partitions from their beginning, also after a restore: its
 * checkpoint holds the splits it has not handed out and a record of each partition it has (see
 * {@link KafkaPartitionSplit#handedOut}), so a restored enumerator knows every partition the job
 * reads and hands out only new ones.
 *
 * <p>Methods are called one at a time by the job manager; discovery runs on a thread of its own and
 * changes the state through {@link SplitEnumeratorContext#runExclusively}, also under this
 * object's lock.
 */
final class KafkaSplitEnumerator implements SplitEnumerator<KafkaPartitionSplit> {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaSplitEnumerator.class);

  private final SplitEnumeratorContext<KafkaPartitionSplit> context;
  private final KafkaSourceSettings settings;
  private final Set<TopicPartition> known = new HashSet<>();
  /** Splits waiting for their reader to register. */
  private final Map<Integer, List<KafkaPartitionSplit>> pending = new HashMap<>();
  private final Set<Integer> readers = new HashSet<>();
  /** Whether the enumerator continues a checkpoint: its first discovery is then done. */
  private final boolean restored;
  /** Resolves starting and stopping offsets. */
  private KafkaConsumer<byte[], byte[]> consumer;
  /** Lists partitions: unlike the consumer, it asks the cluster each time. */
  private Admin admin;
  private ScheduledExecutorService discovery;
  /** Set on close; a discovery that was already under way then hands nothing out. */
  private boolean closed;

  KafkaSplitEnumerator(
      SplitEnumeratorContext<KafkaPartitionSplit> context,
      KafkaSourceSettings settings,
      List<KafkaPartitionSplit> restoredState) {
    this.context = context;
    this.settings = settings;
    this.restored = restoredState != null;
    if (restoredState != null) {
      for (KafkaPartitionSplit split : restoredState) {
        known.add(split.topicPartition());
        if (!split.handedOut()) {
          addPending(split);
        }
      }
    }
  }

  @Override
  public synchronized void start() {
    consumer = KafkaClients.consumer(settings.clientProperties(), "enumerator");
    admin = KafkaClients.admin(settings.clientProperties(), "enumerator-admin");
    if (!restored) {
      discover(settings.startingOffsets());
    }
    long interval = settings.discoveryIntervalMillis();
    if (!settings.isBounded() && interval > 0) {
      discovery = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kafka-partition-discovery");
        t.setDaemon(true);
        return t;
      });
      discovery.scheduleWithFixedDelay(this::discoverNew, interval, interval, TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Looks for new partitions on the discovery thread. The cluster is asked without any lock; the
   * new partitions are then resolved and handed out as the job manager calls the enumerator,
   * never under this object's lock alone: the job manager holds the context's lock when it calls
   * in, so taking the two the other way round would deadlock with a checkpoint.
   */
  private void discoverNew() {
    try {
      List<TopicPartition> found = settings.subscription().partitions(admin);
      context.runExclusively(() -> {
        synchronized (this) {
          if (closed) {
            return;
          }
          addSplits(found, PartitionOffsets.of(PartitionOffsets.Kind.EARLIEST));
          for (int reader : readers) {
            flush(reader);
          }
        }
      });
    } catch (RuntimeException e) {
      LOG.warn("Partition discovery of {} failed; trying again later: {}", settings.subscription(),
          e.toString());
    }
  }

  /** Finds the partitions of the subscription and makes splits of them starting at {@code start}. */
  private void discover(PartitionOffsets start) {
    try {
      addSplits(settings.subscription().partitions(admin), start);
    } catch (ConnectorException e) {
      if (e.getCause() instanceof TimeoutException timeout) {
        throw KafkaClients.unanswered(settings.clientProperties(),
            "listing the partitions of " + settings.subscription(), timeout);
      }
      throw e;
    } catch (TimeoutException e) {
      throw KafkaClients.unanswered(settings.clientProperties(),
          "looking up the offsets of " + settings.subscription(), e);
    }
    if (known.isEmpty() && settings.subscription().pattern() == null) {
      throw new ConnectorException(
          "Topic '" + settings.subscription() + "' does not exist on "
              + settings.clientProperties().get("bootstrap.servers") + ".");
    }
  }

  /** Makes splits starting at {@code start} of the partitions in {@code found} not seen before. */
  private void addSplits(List<TopicPartition> found, PartitionOffsets start) {
    found = new ArrayList<>(found);
    found.removeAll(known);
    if (found.isEmpty()) {
      return;
    }
    found.sort(Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition));
    Map<TopicPartition, Long> starts = start.resolve(consumer, found);
    Map<TopicPartition, Long> stops =
        settings.stoppingOffsets() == null ? Map.of() : settings.stoppingOffsets().resolve(consumer, found);
    for (TopicPartition p : found) {
      long stop = stops.getOrDefault(p, KafkaPartitionSplit.NO_STOPPING_OFFSET);
      long begin = starts.get(p);
      addPending(new KafkaPartitionSplit(p.topic(), p.partition(), Math.min(begin, stop), stop));
      known.add(p);
    }
  }

  private void addPending(KafkaPartitionSplit split) {
    int owner = Math.floorMod(split.topic().hashCode() * 31 + split.partition(), context.parallelism());
    pending.computeIfAbsent(owner, k -> new ArrayList<>()).add(split);
  }

  @Override
  public synchronized void addReader(int subtask) {
    readers.add(subtask);
    flush(subtask);
    if (settings.isBounded()) {
      context.signalNoMoreSplits(subtask);
    }
  }

  private void flush(int subtask) {
    List<KafkaPartitionSplit> splits = pending.remove(subtask);
    if (splits != null && !splits.isEmpty()) {
      context.assignSplits(subtask, splits);
    }
  }

  @Override
  public synchronized List<KafkaPartitionSplit> snapshotState(long checkpointId) {
    List<KafkaPartitionSplit> result = new ArrayList<>();
    Set<TopicPartition> handedOut = new HashSet<>(known);
    for (List<KafkaPartitionSplit> splits : pending.values()) {
      for (KafkaPartitionSplit split : splits) {
        result.add(split);
        handedOut.remove(split.topicPartition());
      }
    }
    handedOut.forEach(p -> result.add(KafkaPartitionSplit.handedOut(p)));
    return result;
  }

  @Override
  public void close() {
    if (discovery != null) {
      discovery.shutdownNow();
    }
    synchronized (this) {
      closed = true;
      if (consumer != null) {
        consumer.close();
      }
      if (admin != null) {
        admin.close();
      }
    }
  }
}
