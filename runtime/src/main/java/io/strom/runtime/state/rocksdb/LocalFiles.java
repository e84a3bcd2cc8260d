package io.strom.runtime.state.rocksdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes local working files of the RocksDB backend. */
final class LocalFiles {
  private static final Logger LOG = LoggerFactory.getLogger(LocalFiles.class);

  private LocalFiles() {}

  /** Deletes a directory and everything in it; a failure is logged, as it only leaves garbage. */
  static void deleteRecursively(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      LOG.warn("Could not delete the RocksDB working directory {}", directory, e);
    }
  }
}
