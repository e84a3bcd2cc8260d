package io.strom.runtime.cluster;

import io.strom.runtime.source.Source;
import io.strom.runtime.source.SourceSplit;
import io.strom.runtime.source.SplitEnumerator;
import io.strom.runtime.source.SplitEnumeratorContext;
import io.strom.runtime.tasks.SourceReaderRegistry.SplitReceiver;
import io.strom.serde.DataInputDeserializer;
import io.strom.serde.DataOutputSerializer;
import io.strom.serde.TypeSerializer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The job manager's side of one source: runs its split enumerator and delivers the splits it
 * assigns to the readers as they register. Splits assigned before a reader registers wait for it.
 * All methods synchronize on the coordinator, so the enumerator is called by one thread at a time.
 *
 * <p>For a checkpoint it snapshots the enumerator and triggers the readers under the same lock:
 * splits assigned before are delivered (as mails) before the trigger, so they are in the readers'
 * checkpoints; splits assigned after are still the enumerator's in the checkpoint.
 */
final class SourceCoordinator<S extends SourceSplit> implements SplitEnumeratorContext<S> {
  private final int parallelism;
  private final Source<?, S> source;
  private final SplitEnumerator<S> enumerator;
  private final Map<Integer, SplitReceiver> readers = new HashMap<>();
  private final Map<Integer, List<S>> pendingSplits = new HashMap<>();
  private final Map<Integer, Boolean> pendingNoMoreSplits = new HashMap<>();

  /**
   * @param restoredSplits the enumerator's unassigned splits from the checkpoint the job restores
   *     (serialized with the source's split serializer), or null for a fresh start
   */
  SourceCoordinator(Source<?, S> source, int parallelism, List<byte[]> restoredSplits)
      throws Exception {
    this.parallelism = parallelism;
    this.source = source;
    if (restoredSplits == null) {
      this.enumerator = source.createEnumerator(this);
    } else {
      TypeSerializer<S> serializer = source.splitSerializer();
      List<S> splits = new ArrayList<>();
      DataInputDeserializer in = new DataInputDeserializer();
      for (byte[] bytes : restoredSplits) {
        in.setBuffer(bytes, 0, bytes.length);
        splits.add(serializer.deserialize(in));
      }
      this.enumerator = source.restoreEnumerator(this, splits);
    }
  }

  synchronized boolean allReadersRegistered() {
    return readers.size() == parallelism;
  }

  /**
   * Snapshots the enumerator's unassigned splits, then runs {@code triggerReaders}, atomically with
   * respect to split assignment.
   */
  synchronized List<byte[]> snapshotAndTrigger(long checkpointId, Runnable triggerReaders)
      throws Exception {
    List<S> unassigned = enumerator.snapshotState(checkpointId);
    TypeSerializer<S> serializer = source.splitSerializer();
    List<byte[]> result = new ArrayList<>(unassigned.size());
    DataOutputSerializer out = new DataOutputSerializer(64);
    for (S split : unassigned) {
      out.clear();
      serializer.serialize(split, out);
      result.add(out.toByteArray());
    }
    triggerReaders.run();
    return result;
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

  @Override
  public synchronized void runExclusively(Runnable action) {
    action.run();
  }

  synchronized void close() throws Exception {
    enumerator.close();
  }
}
