package io.strom.connector.filesystem;

import io.strom.connector.ConnectorException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Resolves the {@code path} option and lists the files a scan reads. */
final class FilePaths {
  private FilePaths() {}

  /** The local path of a plain path or {@code file:} URI. */
  static Path resolve(String path) {
    int colon = path.indexOf(':');
    if (colon > 1 && path.indexOf('/') > colon) {
      String scheme = path.substring(0, colon);
      if (!scheme.equalsIgnoreCase("file")) {
        throw new ConnectorException(
            "The filesystem connector supports only local paths, but 'path' = '" + path
                + "' uses the scheme '" + scheme + "'. Use a plain path or a file:// URI.");
      }
      return Paths.get(URI.create(path));
    }
    return Paths.get(path);
  }

  /** A name Flink treats as hidden: starting with '.' or '_' (e.g. _SUCCESS, .part-x.inprogress). */
  static boolean isHidden(Path path) {
    String name = path.getFileName() == null ? "" : path.getFileName().toString();
    return name.startsWith(".") || name.startsWith("_");
  }

  /** A file of a partitioned table and the unescaped values of its partition directories. */
  record PartitionFile(Path file, List<String> values) {}

  /**
   * The non-hidden files under the partition directories of {@code root}: the directories
   * {@code k1=v1/k2=v2/...} naming {@code keys} in order. Other files and directories are not
   * part of the table and are skipped, as in Flink.
   */
  static List<PartitionFile> listPartitionFiles(Path root, List<String> keys) {
    if (!Files.isDirectory(root)) {
      throw new ConnectorException(
          "The filesystem path " + root + " of a partitioned table "
              + (Files.exists(root) ? "is a file, but must be a directory" : "does not exist")
              + ". Check the table's 'path' option.");
    }
    List<PartitionFile> files = new ArrayList<>();
    collectPartitions(root, keys, new ArrayList<>(), files);
    return files;
  }

  private static void collectPartitions(
      Path directory, List<String> keys, List<String> values, List<PartitionFile> files) {
    if (values.size() == keys.size()) {
      List<String> partition = List.copyOf(values);
      for (Path file : listFiles(directory)) {
        files.add(new PartitionFile(file, partition));
      }
      return;
    }
    for (Path child : children(directory)) {
      String value = child.getFileName() == null
          ? null
          : PartitionPaths.valueIn(child.getFileName().toString(), keys.get(values.size()));
      if (!isHidden(child) && Files.isDirectory(child) && value != null) {
        values.add(value);
        collectPartitions(child, keys, values, files);
        values.remove(values.size() - 1);
      }
    }
  }

  private static List<Path> children(Path directory) {
    try (Stream<Path> children = Files.list(directory)) {
      return children.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not list the files under " + directory, e);
    }
  }

  /** The file itself, or the non-hidden regular files under a directory, sorted by path. */
  static List<Path> listFiles(Path root) {
    if (!Files.exists(root)) {
      throw new ConnectorException(
          "The filesystem path " + root + " does not exist. Check the table's 'path' option.");
    }
    if (Files.isRegularFile(root)) {
      return List.of(root);
    }
    List<Path> files = new ArrayList<>();
    try (Stream<Path> children = Files.list(root)) {
      for (Path child : children.sorted().toList()) {
        if (isHidden(child)) {
          continue;
        }
        if (Files.isDirectory(child)) {
          files.addAll(listFiles(child));
        } else if (Files.isRegularFile(child)) {
          files.add(child);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not list the files under " + root, e);
    }
    return files;
  }
}
