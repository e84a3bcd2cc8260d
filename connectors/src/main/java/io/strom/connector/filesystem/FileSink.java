package io.strom.connector.filesystem;

import static java.util.Objects.requireNonNull;

import io.strom.connector.RowEncoder;
import io.strom.data.Row;
import io.strom.datastream.sink.SinkWriter;
import io.strom.datastream.sink.TwoPhaseCommittingSink;
import java.io.IOException;
import java.util.List;
import java.util.UUID;

/**
 * Writes rows as lines into part files in a directory, one encoder record per line, exactly once:
 * each subtask writes a hidden in-progress file, which at a checkpoint becomes a hidden pending
 * file and, when the checkpoint completes, is renamed to its visible name {@code
 * part-<uuid>-<subtask>-<writer>-<n>}. Readers skip hidden files, so they see only committed rows;
 * a restored job renames the pending files of its checkpoint again (or finds them renamed). At the
 * end of a bounded input the last file is committed at once.
 */
public final class FileSink implements TwoPhaseCommittingSink<Row, PendingFile> {
  private static final long serialVersionUID = 1L;

  private final String directory;
  private final RowEncoder encoder;
  private final String uuid = UUID.randomUUID().toString();

  FileSink(String directory, RowEncoder encoder) {
    this.directory = requireNonNull(directory, "directory");
    this.encoder = requireNonNull(encoder, "encoder");
  }

  @Override
  public FileSinkWriter createWriter(InitContext context) {
    return new FileSinkWriter(
        FilePaths.resolve(directory), "part-" + uuid + "-" + context.subtaskIndex() + "-", encoder);
  }

  @Override
  public void commit(SinkWriter<Row> writer, List<PendingFile> committables) throws IOException {
    for (PendingFile file : committables) {
      file.commit(FilePaths.resolve(directory));
    }
  }
}
