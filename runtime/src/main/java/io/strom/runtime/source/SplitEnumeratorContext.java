package io.strom.runtime.source;

import java.util.List;

/** How an enumerator hands splits to the readers. Thread-safe. */
public interface SplitEnumeratorContext<S extends SourceSplit> {
  int parallelism();

  void assignSplits(int subtask, List<S> splits);

  /** Tells a reader it will get no further splits: a bounded reader ends after its splits. */
  void signalNoMoreSplits(int subtask);

  /**
   * Runs {@code action} one at a time with the calls the job manager makes to the enumerator and
   * with its checkpoints. An enumerator that works on a thread of its own (periodic discovery)
   * changes its state and assigns splits in here: it must not hold a lock of its own while it
   * calls {@link #assignSplits}, since the job manager calls the enumerator holding the context's
   * lock, and a split must be either in the enumerator's snapshot or with its reader. The default
   * locks this context, for contexts whose methods synchronize on themselves.
   */
  default void runExclusively(Runnable action) {
    synchronized (this) {
      action.run();
    }
  }
}
