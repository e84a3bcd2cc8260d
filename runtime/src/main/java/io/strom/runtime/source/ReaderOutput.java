package io.strom.runtime.source;

/**
 * Where a reader emits records. Records emitted through {@link #forSplit} get per-split
 * watermarks from the job's watermark strategy; records emitted here directly are treated as one
 * unnamed split.
 */
public interface ReaderOutput<T> extends SourceOutput<T> {

  /** The output of one split; created on first use. */
  SourceOutput<T> forSplit(String splitId);

  /** The split finished: it no longer holds back the watermark. */
  void releaseSplit(String splitId);
}
