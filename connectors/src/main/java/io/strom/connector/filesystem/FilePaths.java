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
