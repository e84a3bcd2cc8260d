package io.strom.datastream.sink;

import io.strom.runtime.metrics.MetricGroup;
import io.strom.runtime.operators.AbstractOperator;
import io.strom.runtime.operators.OneInputOperator;

/** Runs a {@link Sink}'s writer in a task. */
public final class SinkOperator<T> extends AbstractOperator<Void> implements OneInputOperator<T, Void> {
  private static final long serialVersionUID = 1L;

  private final Sink<T> sink;
  private transient SinkWriter<T> writer;

  public SinkOperator(Sink<T> sink) {
    this.sink = sink;
  }

  @Override
  protected void setup() throws Exception {
    writer =
        sink.createWriter(
            new Sink.InitContext() {
              @Override
              public int subtaskIndex() {
                return context.subtaskIndex();
              }

              @Override
              public int parallelism() {
                return context.parallelism();
              }

              @Override
              public MetricGroup metrics() {
                return context.metrics();
              }
            });
  }

  @Override
  public void processElement(T record, long timestamp) throws Exception {
    writer.write(record, timestamp);
  }

  @Override
  public void finish() throws Exception {
    writer.flush();
  }

  @Override
  public void close() throws Exception {
    if (writer != null) {
      writer.close();
    }
  }
}
