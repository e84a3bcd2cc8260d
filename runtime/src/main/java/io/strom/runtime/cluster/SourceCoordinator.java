package io.strom.runtime.cluster;

import io.strom.runtime.source.Source;
import io.strom.runtime.source.SourceSplit;
import io.strom.runtime.source.SplitEnumerator;
import io.strom.runtime.source.SplitEnumeratorContext;
import io.strom.runtime.tasks.SourceReaderRegistry.SplitReceiver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The job manager's side of one source: runs its split enumerator and delivers the splits it
 * assigns to the readers as they register. Splits assigned before a reader registers wait for it.
 * All methods synchronize on the coordinator, so the enumerator is called by one thread at a time.
 */
final class SourceCoordinator<S extends SourceSplit> implements SplitEnumeratorContext<S> {
  private final int parallelism;
  private final SplitEnumerator<S> enumerator;
  private final Map<Integer, SplitReceiver> readers = new HashMap<>();
  private final Map<Integer, List<S>> pendingSplits = new HashMap<>();
  private final Map<Integer, Boolean> pendingNoMoreSplits = new HashMap<>();

  SourceCoordinator(Source<?, S> source, int parallelism) throws Exception {
    this.parallelism = parallelism;
    this.enumerator = source.createEnumerator(this);
  }

  synchronized void start() throws Exception {
    enumerator.start();
  }

  synchronized void registerReader(int subtask, SplitReceiver receiver) throws Exception {
    readers.put(subtask, receiver);
    List<S> pending = pendingSplits.remove(subtask);
    if (pending != null) {
      receiver.addSplits(new ArrayList<>(pending));
    }
    if (pendingNoMoreSplits.remove(subtask) != null) {
      receiver.noMoreSplits();
    }
    enumerator.addReader(subtask);
  }

  @Override
  public int parallelism() {
    return parallelism;
  }

  @Override
  public synchronized void assignSplits(int subtask, List<S> splits) {
    SplitReceiver reader = readers.get(subtask);
    if (reader == null) {
      pendingSplits.computeIfAbsent(subtask, s -> new ArrayList<>()).addAll(splits);
    } else {
      reader.addSplits(new ArrayList<>(splits));
    }
  }

  @Override
  public synchronized void signalNoMoreSplits(int subtask) {
    SplitReceiver reader = readers.get(subtask);
    if (reader == null) {
      pendingNoMoreSplits.put(subtask, true);
    } else {
      reader.noMoreSplits();
    }
  }

  synchronized void close() throws Exception {
    enumerator.close();
  }
}
