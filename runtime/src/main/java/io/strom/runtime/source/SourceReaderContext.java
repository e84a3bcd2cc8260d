package io.strom.runtime.source;

import io.strom.configuration.Configuration;
import io.strom.runtime.metrics.MetricGroup;

/** What a reader knows about where it runs. */
public interface SourceReaderContext {
  int subtaskIndex();

  int parallelism();

  Configuration configuration();

  /**
   * Wakes the reader's task when data became available after {@link SourceReader#pollNext}
   * returned {@link InputStatus#NOTHING_AVAILABLE}. Safe to call from any thread.
   */
  void signalDataAvailable();

  /**
   * The metrics of this reader's subtask, registered under the scope of its task ({@code
   * name[subtask]}), e.g. for counting records a format dropped as malformed.
   */
  MetricGroup metrics();
}
