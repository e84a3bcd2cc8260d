package io.strom.datastream.sink;

/** Writes one parallel instance's share of a sink's elements. Used only on the task's thread. */
public interface SinkWriter<T> extends AutoCloseable {
  void write(T element, long timestamp) throws Exception;

  /** All input has ended: make everything written durable/visible. */
  default void flush() throws Exception {}

  /** The watermark reached the sink: no element with a smaller timestamp follows. */
  default void writeWatermark(long watermark) throws Exception {}

  @Override
  default void close() throws Exception {}
}
