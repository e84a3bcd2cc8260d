package io.strom.connector.filesystem;

import io.strom.connector.ConnectorException;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Makes a filesystem sink's part files visible in their partition directories and commits the
 * partitions, as Flink's filesystem sink does:
 *
 * <ul>
 *   <li>an overwrite first deletes what a directory held before (every non-hidden entry that is
 *       not a file of this job), then renames the new files into it;
 *   <li>with the {@code success-file} policy a committed partition gets an empty success file: when
 *       a checkpoint completes (streaming, {@code process-time} trigger without delay) and, for a
 *       bounded insert, at the end of the input for every partition written, the table's own
 *       directory when it is not partitioned, and a static partition that got no rows.
 * </ul>
 *
 * <p>Each subtask commits its own files, so a partition written by several subtasks is committed
 * by each; success files are written again harmlessly. Called on the task's thread.
 */
final class PartitionCommitter implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String jobFilePrefix;
  private final boolean overwrite;
  /** The directory of a fully static partition (INSERT ... PARTITION with every key), or null. */
  private final String staticPartition;
  private final boolean partitioned;
  private final PartitionCommitPolicy policy;

  /**
   * @param jobFilePrefix the prefix of every part file this job writes ({@code part-<uuid>-}),
   *     which an overwrite keeps
   */
  PartitionCommitter(
      String jobFilePrefix,
      boolean overwrite,
      String staticPartition,
      boolean partitioned,
      PartitionCommitPolicy policy) {
    this.jobFilePrefix = jobFilePrefix;
    this.overwrite = overwrite;
    this.staticPartition = staticPartition;
    this.partitioned = partitioned;
    this.policy = policy;
  }

  /** Makes committed files visible, partition by partition. */
  void commit(FileSinkWriter writer, List<PendingFile> files) throws IOException {
    Map<String, List<PendingFile>> byPartition = new LinkedHashMap<>();
    for (PendingFile file : files) {
      byPartition.computeIfAbsent(file.partition(), p -> new ArrayList<>()).add(file);
    }
    for (Map.Entry<String, List<PendingFile>> entry : byPartition.entrySet()) {
      String partition = entry.getKey();
      if (overwrite && writer.clearOnce(partition)) {
        clearOlderFiles(writer.root().resolve(partition));
      }
      for (PendingFile file : entry.getValue()) {
        file.commit(writer.root());
      }
      writer.committed(partition);
      if (policy.commitsOnCheckpoint() && partitioned) {
        writeSuccessFile(writer.root().resolve(partition));
      }
    }
  }

  /** The input ended and the last files are committed: overwrite what is left, commit partitions. */
  void finish(FileSinkWriter writer) throws IOException {
    if (overwrite && !partitioned && writer.clearOnce("")) {
      clearOlderFiles(writer.root());
    }
    if (!policy.writesSuccessFile()) {
      return;
    }
    Set<String> partitions = new LinkedHashSet<>(writer.committedPartitions());
    if (!partitioned) {
      partitions.add("");
    }
    if (staticPartition != null) {
      partitions.add(staticPartition);
    }
    for (String partition : partitions) {
      writeSuccessFile(writer.root().resolve(partition));
    }
  }

  /**
   * Deletes the visible entries of a directory that this job did not write (files and
   * directories, as Flink's overwrite does); hidden ones (in-progress files, success files) stay.
   */
  private void clearOlderFiles(Path directory) throws IOException {
    Files.createDirectories(directory);
    try (Stream<Path> entries = Files.list(directory)) {
      for (Path entry : (Iterable<Path>) entries::iterator) {
        String name = entry.getFileName().toString();
        if (!FilePaths.isHidden(entry) && !name.startsWith(jobFilePrefix)) {
          deleteRecursively(entry);
        }
      }
    }
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (Files.isDirectory(path)) {
      try (Stream<Path> children = Files.list(path)) {
        for (Path child : (Iterable<Path>) children::iterator) {
          deleteRecursively(child);
        }
      }
    }
    Files.deleteIfExists(path);
  }

  private void writeSuccessFile(Path directory) throws IOException {
    try {
      Files.createDirectories(directory);
      Files.write(directory.resolve(policy.successFileName()), new byte[0],
          StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new ConnectorException(
          "Could not write the success file of partition " + directory + ": " + e.getMessage());
    }
  }
}
