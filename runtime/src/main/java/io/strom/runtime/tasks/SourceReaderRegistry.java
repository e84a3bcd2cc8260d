package io.strom.runtime.tasks;

import io.strom.runtime.source.SourceSplit;
import java.util.List;

/** Connects a source task's reader to the split enumerator of its source. */
public interface SourceReaderRegistry {

  /** Registers the reader of subtask {@code subtask} of source node {@code nodeId}. */
  void registerReader(int nodeId, int subtask, SplitReceiver receiver);

  /** Receives splits for one reader; called from the enumerator's thread. */
  interface SplitReceiver {
    void addSplits(List<SourceSplit> splits);

    void noMoreSplits();
  }
}
