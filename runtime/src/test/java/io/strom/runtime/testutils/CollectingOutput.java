package io.strom.runtime.testutils;

import io.strom.api.OutputTag;
import io.strom.runtime.operators.Output;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link Output} for tests that keeps everything it is given: records with their timestamps,
 * side-output records per tag, watermarks and watermark statuses, and the order of all of them.
 *
 * <p>Not thread-safe: used on the thread that drives the operator.
 */
public final class CollectingOutput<T> implements Output<T> {
  private final List<Timestamped<T>> records = new ArrayList<>();
  private final Map<OutputTag<?>, List<Timestamped<?>>> sideOutputs = new LinkedHashMap<>();
  private final List<Long> watermarks = new ArrayList<>();
  private final List<Boolean> idleStatuses = new ArrayList<>();
  private final List<String> timeline = new ArrayList<>();

  /**
   * A value emitted with its event timestamp ({@link Output#NO_TIMESTAMP} when it has none).
   *
   * @param value the emitted value
   * @param timestamp its event timestamp
   */
  public record Timestamped<X>(X value, long timestamp) {
    @Override
    public String toString() {
      return timestamp == NO_TIMESTAMP ? String.valueOf(value) : value + "@" + timestamp;
    }
  }

  @Override
  public void collect(T record, long timestamp) {
    records.add(new Timestamped<>(record, timestamp));
    timeline.add("record " + new Timestamped<>(record, timestamp));
  }

  @Override
  public <X> void collect(OutputTag<X> tag, X record, long timestamp) {
    sideOutputs
        .computeIfAbsent(tag, t -> new ArrayList<>())
        .add(new Timestamped<>(record, timestamp));
    timeline.add("side " + tag.id() + " " + new Timestamped<>(record, timestamp));
  }

  @Override
  public void emitWatermark(long watermark) {
    watermarks.add(watermark);
    timeline.add("watermark " + watermark);
  }

  @Override
  public void emitWatermarkStatus(boolean idle) {
    idleStatuses.add(idle);
    timeline.add(idle ? "idle" : "active");
  }

  /** The main output's records with timestamps, in emission order. */
  public List<Timestamped<T>> records() {
    return Collections.unmodifiableList(records);
  }

  /** The main output's values, in emission order. */
  public List<T> values() {
    return records.stream().map(Timestamped::value).toList();
  }

  /** The records emitted to a side output, in emission order; empty for an unused tag. */
  @SuppressWarnings("unchecked")
  public <X> List<Timestamped<X>> sideOutput(OutputTag<X> tag) {
    List<Timestamped<?>> list = sideOutputs.getOrDefault(tag, List.of());
    return Collections.unmodifiableList((List<Timestamped<X>>) (List<?>) list);
  }

  /** The values emitted to a side output, in emission order. */
  public <X> List<X> sideOutputValues(OutputTag<X> tag) {
    return sideOutput(tag).stream().map(Timestamped::value).toList();
  }

  public List<Long> watermarks() {
    return Collections.unmodifiableList(watermarks);
  }

  /** The watermark statuses emitted: true for idle, false for active again. */
  public List<Boolean> watermarkStatuses() {
    return Collections.unmodifiableList(idleStatuses);
  }

  /**
   * Everything emitted, in order, as text: {@code "record v@ts"}, {@code "side id v@ts"},
   * {@code "watermark w"}, {@code "idle"}, {@code "active"}.
   */
  public List<String> timeline() {
    return Collections.unmodifiableList(timeline);
  }

  /** Forgets everything collected so far. */
  public void clear() {
    records.clear();
    sideOutputs.clear();
    watermarks.clear();
    idleStatuses.clear();
    timeline.clear();
  }
}
