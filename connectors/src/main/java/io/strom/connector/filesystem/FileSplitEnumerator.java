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
  private List<List<FileSplit>> shares;

  FileSplitEnumerator(SplitEnumeratorContext<FileSplit> context, String path) {
    this.context = context;
    this.path = path;
  }

  @Override
  public void start() {
    List<FileSplit> splits = new ArrayList<>();
    for (Path file : FilePaths.listFiles(FilePaths.resolve(path))) {
      try {
        splits.add(new FileSplit(
            file.toAbsolutePath().toString(),
            Files.size(file),
            Files.getLastModifiedTime(file).toMillis()));
      } catch (IOException e) {
        throw new UncheckedIOException("Could not read the attributes of " + file, e);
      }
    }
    shares = balance(splits, context.parallelism());
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
