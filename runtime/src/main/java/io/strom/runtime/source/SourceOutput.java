package io.strom.runtime.source;

/** Receives a reader's records, optionally with a timestamp the source knows (e.g. a Kafka record's). */
public interface SourceOutput<T> {
  void collect(T record);

  void collect(T record, long timestamp);
}
