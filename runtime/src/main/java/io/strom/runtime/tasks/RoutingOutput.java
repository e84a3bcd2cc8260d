package io.strom.runtime.tasks;

import io.strom.api.OutputTag;
import io.strom.runtime.operators.Output;
import java.util.List;
import java.util.Map;

/**
 * The output an operator sees: sends main-output records to every consumer of the main output,
 * side-output records to the consumers of their tag, and watermarks to all of them.
 */
final class RoutingOutput<T> implements Output<T> {
  private final Output<T>[] main;
  private final Map<OutputTag<?>, Output<Object>[]> sides;
  private final Output<?>[] all;

  @SuppressWarnings("unchecked")
  RoutingOutput(List<Output<T>> main, Map<OutputTag<?>, List<Output<Object>>> sides) {
    this.main = main.toArray(new Output[0]);
    this.sides = new java.util.HashMap<>();
    java.util.List<Output<?>> everything = new java.util.ArrayList<>(main);
    sides.forEach(
        (tag, outs) -> {
          this.sides.put(tag, outs.toArray(new Output[0]));
          everything.addAll(outs);
        });
    this.all = everything.toArray(new Output[0]);
  }

  /** The simplest output for these consumers: the single consumer itself when there is one. */
  static <T> Output<T> of(List<Output<T>> main, Map<OutputTag<?>, List<Output<Object>>> sides) {
    if (main.size() == 1 && sides.isEmpty()) {
      return main.get(0);
    }
    return new RoutingOutput<>(main, sides);
  }

  @Override
  public void collect(T record, long timestamp) {
    for (Output<T> out : main) {
      out.collect(record, timestamp);
    }
  }

  @Override
  public <X> void collect(OutputTag<X> tag, X record, long timestamp) {
    Output<Object>[] outs = sides.get(tag);
    if (outs != null) {
      for (Output<Object> out : outs) {
        out.collect(record, timestamp);
      }
    }
  }

  @Override
  public void emitWatermark(long watermark) {
    for (Output<?> out : all) {
      out.emitWatermark(watermark);
    }
  }

  @Override
  public void emitWatermarkStatus(boolean idle) {
    for (Output<?> out : all) {
      out.emitWatermarkStatus(idle);
    }
  }
}
