package io.strom.runtime.source;

/**
 * Discovers a source's splits and assigns them to readers. Runs in the job manager role; its
 * methods are called from one thread at a time.
 */
public interface SplitEnumerator<S extends SourceSplit> extends AutoCloseable {

  /** Called once before readers register. */
  void start() throws Exception;

  /** Reader {@code subtask} is running and can receive splits. */
  void addReader(int subtask) throws Exception;

  @Override
  default void close() throws Exception {}
}
