package io.strom.datastream.functions;

import io.strom.api.functions.Function;

/**
 * The simplest sink: called for each element. Implement {@link io.strom.api.functions.RichFunction}
 * too for open/close. For sinks that buffer or commit, implement {@link io.strom.datastream.sink.Sink}.
 */
@FunctionalInterface
public interface SinkFunction<T> extends Function {
  void invoke(T value) throws Exception;
}
