package io.strom.connector.filesystem;

import static java.util.Objects.requireNonNull;

import io.strom.runtime.source.SourceSplit;
import java.util.List;

/**
 * One file to read whole, with what was known about it when the scan listed it.
 *
 * @param path the file's absolute path
 * @param size its size in bytes
 * @param modificationMillis its last modification, milliseconds since the epoch
 * @param partitionValues the unescaped values of its partition directories in key order; empty
 *     for a table that is not partitioned
 */
public record FileSplit(String path, long size, long modificationMillis, List<String> partitionValues)
    implements SourceSplit {
  public FileSplit {
    requireNonNull(path, "path");
    partitionValues = List.copyOf(partitionValues);
    if (size < 0) {
      throw new IllegalArgumentException("A file's size cannot be negative: " + size);
    }
  }

  /** A file of a table that is not partitioned. */
  public FileSplit(String path, long size, long modificationMillis) {
    this(path, size, modificationMillis, List.of());
  }

  @Override
  public String splitId() {
    return path;
  }
}
