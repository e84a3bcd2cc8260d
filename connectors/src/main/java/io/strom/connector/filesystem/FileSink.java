package io.strom.connector.filesystem;

import static java.util.Objects.requireNonNull;

import io.strom.connector.RowEncoder;
import io.strom.data.Row;
import io.strom.datastream.sink.SinkWriter;
import io.strom.datastream.sink.TwoPhaseCommittingSink;
import java.util.List;
import java.util.UUID;

/**
 * Writes rows as lines into part files, exactly once: each subtask writes a hidden in-progress
 * file per partition directory, which at a checkpoint becomes a hidden pending file and, when the
 * checkpoint completes, is renamed to its visible name {@code part-<uuid>-<subtask>-<writer>-<n>}.
 * Readers skip hidden files, so they see only committed rows; a restored job renames the pending
 * files of its checkpoint again (or finds them renamed). At the end of a bounded input the last
 * files are committed at once and the {@link PartitionCommitter} finishes the partitions.
 */
public final class FileSink implements TwoPhaseCommittingSink<Row, PendingFile> {
  private static final long serialVersionUID = 1L;

  private final String directory;
  private final RowEncoder encoder;
  private final PartitionLayout layout;
  private final PartitionValues values;
  private final String uuid = UUID.randomUUID().toString();
  private final PartitionCommitter committer;

  /**
   * @param staticPartition the directory of a fully static partition written to, or null
   */
  FileSink(
      String directory,
      RowEncoder encoder,
      PartitionLayout layout,
      PartitionValues values,
      boolean overwrite,
      String staticPartition,
      PartitionCommitPolicy policy) {
    this.directory = requireNonNull(directory, "directory");
    this.encoder = requireNonNull(encoder, "encoder");
    this.layout = requireNonNull(layout, "layout");
    this.values = requireNonNull(values, "values");
    this.committer = new PartitionCommitter(
        "part-" + uuid + "-", overwrite, staticPartition, layout.isPartitioned(), policy);
  }

  @Override
  public FileSinkWriter createWriter(InitContext context) {
    return new FileSinkWriter(
        FilePaths.resolve(directory),
        "part-" + uuid + "-" + context.subtaskIndex() + "-",
        encoder,
        layout,
        values,
        committer);
  }

  @Override
  public void commit(SinkWriter<Row> writer, List<PendingFile> committables) throws Exception {
    committer.commit((FileSinkWriter) writer, committables);
  }
}
