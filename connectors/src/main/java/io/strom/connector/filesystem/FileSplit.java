package io.strom.connector.filesystem;

import static java.util.Objects.requireNonNull;

import io.strom.runtime.source.SourceSplit;

/**
 * One file to read whole, with what was known about it when the scan listed it.
 *
 * @param path the file's absolute path
 * @param size its size in bytes
 * @param modificationMillis its last modification, milliseconds since the epoch
 */
public record FileSplit(String path, long size, long modificationMillis) implements SourceSplit {
  public FileSplit {
    requireNonNull(path, "path");
    if (size < 0) {
      throw new IllegalArgumentException("A file's size cannot be negative: " + size);
    }
  }

  @Override
  public String splitId() {
    return path;
  }
}
