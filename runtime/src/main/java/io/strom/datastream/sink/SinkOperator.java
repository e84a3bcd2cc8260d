package io.strom.datastream.sink;

import io.strom.runtime.metrics.MetricGroup;
import io.strom.runtime.operators.AbstractOperator;
import io.strom.runtime.operators.OneInputOperator;
import io.strom.runtime.operators.RestoreContext;
import io.strom.runtime.operators.SnapshotContext;

/** Runs a {@link Sink}'s writer in a task, with its checkpoint hooks ({@link SinkCommitState}). */
public final class SinkOperator<T> extends AbstractOperator<Void> implements OneInputOperator<T, Void> {
  private static final long serialVersionUID = 1L;

  private final Sink<T> sink;
  private transient SinkWriter<T> writer;
  private transient SinkCommitState<T> commits;

  public SinkOperator(Sink<T> sink) {
    this.sink = sink;
  }

  @Override
  public void initializeState(RestoreContext context) throws Exception {
    commits = new SinkCommitState<>(sink);
    commits.initializeState(context);
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
    commits.open(writer, context.subtaskIndex(), context.parallelism());
  }

  @Override
  public void processElement(T record, long timestamp) throws Exception {
    writer.write(record, timestamp);
  }

  @Override
  public void processWatermark(long watermark) throws Exception {
    writer.writeWatermark(watermark);
    super.processWatermark(watermark);
  }

  @Override
  public void snapshotState(SnapshotContext context) throws Exception {
    commits.snapshotState(context);
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) throws Exception {
    commits.notifyCheckpointComplete(checkpointId);
  }

  @Override
  public void finish() throws Exception {
    commits.finish(context.jobConfiguration());
    writer.flush();
  }

  @Override
  public boolean awaitsFinalCheckpoint() {
    return commits.awaitsFinalCheckpoint();
  }

  @Override
  public void close() throws Exception {
    if (writer != null) {
      writer.close();
    }
  }
}
