package io.strom.runtime.checkpoint;

import static java.util.Objects.requireNonNull;

/**
 * One file of a keyed state backend's own snapshot (a RocksDB table file, manifest or options
 * file) as stored in a checkpoint.
 *
 * @param path where it is stored, relative to the job's checkpoint directory: {@code
 *     shared/<name>} for files that later checkpoints may reference too, {@code chk-<n>/<name>}
 *     for files of one checkpoint only
 * @param localName its name in the backend's working directory
 * @param length its length in bytes, checked before a restore
 * @param crc32 the CRC-32 of its content, checked before a restore
 */
public record StateFile(String path, String localName, long length, long crc32) {
  /** The folder, under the job's checkpoint directory, of files checkpoints share. */
  public static final String SHARED_FOLDER = "shared";

  public StateFile {
    requireNonNull(path, "path");
    requireNonNull(localName, "localName");
  }

  /** Whether the file lives in the shared folder and may be referenced by several checkpoints. */
  public boolean isShared() {
    return path.startsWith(SHARED_FOLDER + "/");
  }
}
