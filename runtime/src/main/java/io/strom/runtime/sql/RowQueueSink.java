package io.strom.runtime.sql;

import io.strom.data.Row;
import io.strom.datastream.sink.Sink;
import io.strom.datastream.sink.SinkWriter;
import io.strom.serde.RowSerializer;
import io.strom.types.RowType;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Hands a query's rows, as they are produced, to the session that shows them, through a bounded
 * queue in this JVM: a reader that falls behind slows the job down instead of filling memory.
 * Rows are copied on arrival (operators before the sink reuse theirs) and keep their change kind.
 */
public final class RowQueueSink implements Sink<Row> {
  private static final long serialVersionUID = 1L;
  private static final Map<String, BlockingQueue<Row>> QUEUES = new ConcurrentHashMap<>();
  private static final java.util.Set<String> ATTACHED = ConcurrentHashMap.newKeySet();
  /** The last watermark each query's rows reached, by query. */
  private static final Map<String, java.util.concurrent.atomic.AtomicLong> WATERMARKS =
      new ConcurrentHashMap<>();

  private final String id = UUID.randomUUID().toString();
  private final RowType type;

  public RowQueueSink(RowType type, int capacity) {
    this.type = type;
    QUEUES.put(id, new ArrayBlockingQueue<>(capacity));
  }

  @Override
  public SinkWriter<Row> createWriter(InitContext context) {
    BlockingQueue<Row> queue = QUEUES.get(id);
    if (queue == null) {
      throw new IllegalStateException("The reader of this query's rows is gone");
    }
    if (!ATTACHED.add(id)) {
      // A restarted job would hand on its rows a second time.
      throw new IllegalStateException(
          "A query showing its rows cannot be restarted without repeating rows; run it again");
    }
    RowSerializer serializer = new RowSerializer(type);
    // One holder per query, updated in place: watermarks may come after every record.
    java.util.concurrent.atomic.AtomicLong watermark =
        WATERMARKS.computeIfAbsent(id, k -> new java.util.concurrent.atomic.AtomicLong(Long.MIN_VALUE));
    return new SinkWriter<>() {
      @Override
      public void write(Row row, long timestamp) throws InterruptedException {
        // put() waits while the reader is behind; cancelling the job interrupts the wait.
        queue.put(serializer.copy(row));
      }

      @Override
      public void writeWatermark(long value) {
        watermark.set(value);
      }
    };
  }

  /**
   * The last watermark that reached the rows, or {@code Long.MIN_VALUE} before the first (or when
   * the query has no event time).
   */
  public long currentWatermark() {
    java.util.concurrent.atomic.AtomicLong watermark = WATERMARKS.get(id);
    return watermark == null ? Long.MIN_VALUE : watermark.get();
  }

  /** The next row, waiting up to {@code timeout}; null when none arrived in time. */
  public Row poll(long timeout, TimeUnit unit) throws InterruptedException {
    BlockingQueue<Row> queue = QUEUES.get(id);
    return queue == null ? null : queue.poll(timeout, unit);
  }

  /** True when no row is waiting. */
  public boolean isEmpty() {
    BlockingQueue<Row> queue = QUEUES.get(id);
    return queue == null || queue.isEmpty();
  }

  /** Frees the queue; rows still in it are dropped. */
  public void discard() {
    QUEUES.remove(id);
    ATTACHED.remove(id);
    WATERMARKS.remove(id);
  }
}
