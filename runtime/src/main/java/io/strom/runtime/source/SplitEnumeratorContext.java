package io.strom.runtime.source;

import java.util.List;

/** How an enumerator hands splits to the readers. Thread-safe. */
public interface SplitEnumeratorContext<S extends SourceSplit> {
  int parallelism();

  void assignSplits(int subtask, List<S> splits);

  /** Tells a reader it will get no further splits: a bounded reader ends after its splits. */
  void signalNoMoreSplits(int subtask);
}
