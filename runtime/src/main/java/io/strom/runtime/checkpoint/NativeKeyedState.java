package io.strom.runtime.checkpoint;

import java.util.List;

/**
 * A keyed state backend's snapshot in its own file format (RocksDB's files), as an incremental
 * checkpoint stores it: the files that make up the backend's database at the checkpoint.
 *
 * @param files every file of the snapshot; table files are shared with other checkpoints that
 *     contain them, the rest belongs to this checkpoint alone
 * @param baseCheckpointId the completed checkpoint whose shared files this snapshot could reuse,
 *     or -1; the coordinator keeps shared files until no task can reuse them any more
 */
public record NativeKeyedState(List<StateFile> files, long baseCheckpointId) {
  public NativeKeyedState {
    files = List.copyOf(files);
  }

  /** The bytes of this snapshot's files, reused ones included. */
  public long totalBytes() {
    return files.stream().mapToLong(StateFile::length).sum();
  }
}
