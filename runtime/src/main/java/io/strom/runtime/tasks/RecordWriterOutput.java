package io.strom.runtime.tasks;

import io.strom.api.OutputTag;
import io.strom.runtime.network.RecordWriter;
import io.strom.runtime.operators.Output;

/** Sends records into an exchange to other tasks. */
final class RecordWriterOutput<T> implements Output<T> {
  private final RecordWriter<T> writer;

  RecordWriterOutput(RecordWriter<T> writer) {
    this.writer = writer;
  }

  @Override
  public void collect(T record, long timestamp) {
    try {
      writer.emit(record, timestamp);
    } catch (RuntimeException e) {
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TaskInterruptedException(e);
    } catch (Exception e) {
      throw new IllegalStateException("Could not send a record downstream: " + e.getMessage(), e);
    }
  }

  @Override
  public <X> void collect(OutputTag<X> tag, X record, long timestamp) {
    // Side-output records reach this output only when nobody consumes the tag: drop them.
  }

  @Override
  public void emitWatermark(long watermark) {
    try {
      writer.emitWatermark(watermark);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TaskInterruptedException(e);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Could not send a watermark downstream", e);
    }
  }

  @Override
  public void emitWatermarkStatus(boolean idle) {
    try {
      writer.emitWatermarkStatus(idle);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TaskInterruptedException(e);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Could not send a watermark status downstream", e);
    }
  }
}
