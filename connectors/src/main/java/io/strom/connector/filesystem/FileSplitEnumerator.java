package io.strom.connector.filesystem;

import io.strom.runtime.source.SplitEnumerator;
import io.strom.runtime.source.SplitEnumeratorContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Lists the files of a scan when it starts and gives each reader its share at once, balancing by
 * size: largest files first, each to the reader with the fewest bytes so far.
 */
final class FileSplitEnumerator implements SplitEnumerator<FileSplit> {
  private final SplitEnumeratorContext<FileSplit> context;
  private final String path;
  private final List<String> partitionKeys;
  private final PartitionFilter partitionFilter;
  private List<List<FileSplit>> shares;

  /**
   * @param partitionKeys the table's partition columns; empty when it is not partitioned
   * @param partitionFilter the partitions to read, or null for all
   */
  FileSplitEnumerator(
      SplitEnumeratorContext<FileSplit> context,
      String path,
      List<String> partitionKeys,
      PartitionFilter partitionFilter) {
    this.context = context;
    this.path = path;
    this.partitionKeys = partitionKeys;
    this.partitionFilter = partitionFilter;
  }

  @Override
  public void start() {
    List<FileSplit> splits = new ArrayList<>();
    Path root = FilePaths.resolve(path);
    if (partitionKeys.isEmpty()) {
      for (Path file : FilePaths.listFiles(root)) {
        splits.add(split(file, List.of()));
      }
    } else {
      for (FilePaths.PartitionFile file : FilePaths.listPartitionFiles(root, partitionKeys)) {
        if (partitionFilter == null || partitionFilter.accepts(file.values())) {
          splits.add(split(file.file(), file.values()));
        }
      }
    }
    shares = balance(splits, context.parallelism());
  }

  private static FileSplit split(Path file, List<String> partitionValues) {
    try {
      return new FileSplit(
          file.toAbsolutePath().toString(),
          Files.size(file),
          Files.getLastModifiedTime(file).toMillis(),
          partitionValues);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the attributes of " + file, e);
    }
  }

  static List<List<FileSplit>> balance(List<FileSplit> splits, int parts) {
    List<List<FileSplit>> result = new ArrayList<>();
    long[] load = new long[parts];
    for (int i = 0; i < parts; i++) {
      result.add(new ArrayList<>());
    }
    List<FileSplit> bySize = new ArrayList<>(splits);
    bySize.sort(Comparator.comparingLong(FileSplit::size).reversed().thenComparing(FileSplit::path));
    for (FileSplit split : bySize) {
      int least = 0;
      for (int i = 1; i < parts; i++) {
        if (load[i] < load[least]) {
          least = i;
        }
      }
      result.get(least).add(split);
      load[least] += Math.max(1, split.size());
    }
    return result;
  }

  @Override
  public void addReader(int subtask) {
    List<FileSplit> share = shares.get(subtask);
    if (!share.isEmpty()) {
      context.assignSplits(subtask, share);
    }
    context.signalNoMoreSplits(subtask);
  }
}
