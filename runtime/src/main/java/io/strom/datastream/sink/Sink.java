package io.strom.datastream.sink;

import io.strom.runtime.metrics.MetricGroup;
import java.io.Serializable;

/** The end of a pipeline: creates a writer per parallel instance. */
public interface Sink<T> extends Serializable {

  SinkWriter<T> createWriter(InitContext context) throws Exception;

  /** Where a writer runs. */
  interface InitContext {
    int subtaskIndex();

    int parallelism();

    /** The metrics of the writer's operator subtask. */
    MetricGroup metrics();
  }
}
