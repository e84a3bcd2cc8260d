package io.strom.datastream.sink;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Gathers a stream's elements in memory for the program that runs it, on the embedded cluster
 * (the writer and the program share the JVM; the sink itself travels by id).
 */
public final class CollectSink<T> implements Sink<T> {
  private static final long serialVersionUID = 1L;
  private static final Map<String, ConcurrentLinkedQueue<Object>> RESULTS = new ConcurrentHashMap<>();

  private final String id = UUID.randomUUID().toString();

  public CollectSink() {
    RESULTS.put(id, new ConcurrentLinkedQueue<>());
  }

  @Override
  public SinkWriter<T> createWriter(InitContext context) {
    ConcurrentLinkedQueue<Object> queue = RESULTS.get(id);
    if (queue == null) {
      throw new IllegalStateException(
          "A collect sink works only in the JVM of the program that created it");
    }
    return (element, timestamp) -> queue.add(element);
  }

  /** The elements gathered so far, in arrival order. */
  @SuppressWarnings("unchecked")
  public List<T> results() {
    List<T> list = new ArrayList<>();
    ConcurrentLinkedQueue<Object> queue = RESULTS.get(id);
    if (queue != null) {
      for (Object o : queue) {
        list.add((T) o);
      }
    }
    return list;
  }

  /** Frees the gathered elements. */
  public void discard() {
    RESULTS.remove(id);
  }
}
