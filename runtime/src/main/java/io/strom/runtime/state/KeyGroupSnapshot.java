package io.strom.runtime.state;

import io.strom.serde.DataOutputView;
import java.io.IOException;

/**
 * State of a subtask's key groups frozen at the synchronous part of a checkpoint, to be written
 * later, key group by key group, on a snapshot thread. The task's thread takes it (cheaply: a
 * RocksDB snapshot, or the heap tables captured copy-on-write) and goes on processing; what
 * changes after that is not part of it.
 *
 * <p>{@link #writeKeyGroup} is called on one snapshot thread, in ascending key group order, so an
 * implementation may read its source sequentially. {@link #close} may be called on either thread,
 * also while nothing or only part was written (failure, cancellation), and more than once.
 */
public interface KeyGroupSnapshot extends AutoCloseable {

  /** Appends one key group's part of the checkpoint to {@code out}. */
  void writeKeyGroup(int keyGroup, DataOutputView out) throws IOException;

  /** Releases what the snapshot holds (a RocksDB snapshot, buffers). */
  @Override
  void close();
}
