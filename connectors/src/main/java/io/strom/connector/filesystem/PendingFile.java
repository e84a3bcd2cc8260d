package io.strom.connector.filesystem;

import static java.util.Objects.requireNonNull;

import io.strom.connector.ConnectorException;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A part file written and forced to disk under its hidden pending name, waiting for its checkpoint
 * to complete to get its visible name. Kept in checkpoints.
 *
 * @param partition the partition directory relative to the table's, e.g. {@code dt=2024-01-01};
 *     empty for the table's own directory
 * @param name the visible name, {@code part-...}; the pending file is {@code .<name>.pending}
 */
public record PendingFile(String partition, String name) implements Serializable {
  public PendingFile {
    requireNonNull(partition, "partition");
    requireNonNull(name, "name");
  }

  static String pendingName(String name) {
    return "." + name + ".pending";
  }

  static String inProgressName(String name) {
    return "." + name + ".inprogress";
  }

  /**
   * Renames the pending file to its visible name. Committing again is harmless: a file already
   * visible and no longer pending was committed before (by the run that took the checkpoint).
   */
  void commit(Path root) throws IOException {
    Path directory = root.resolve(partition);
    Path pending = directory.resolve(pendingName(name));
    Path visible = directory.resolve(name);
    if (Files.exists(pending)) {
      Files.move(pending, visible, StandardCopyOption.ATOMIC_MOVE);
    } else if (!Files.exists(visible)) {
      throw new ConnectorException(
          "The filesystem sink cannot commit " + visible + ": its pending file " + pending
              + " is gone. Files of a checkpoint must stay until the checkpoint is committed;"
              + " was the directory cleaned while the job ran?");
    }
  }
}
