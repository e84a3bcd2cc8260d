package io.strom.connector.filesystem;

import static java.util.Objects.requireNonNull;

import io.strom.connector.RowEncoder;
import io.strom.data.Row;
import io.strom.datastream.sink.Sink;
import io.strom.datastream.sink.SinkWriter;
import java.util.UUID;

/**
 * Writes rows as lines into part files {@code part-<uuid>-<subtask>-<n>} in a directory, one
 * encoder record per line. Files are visible while being written and complete when the input
 * ends; there is no exactly-once commit yet.
 */
public final class FileSink implements Sink<Row> {
  private static final long serialVersionUID = 1L;

  private final String directory;
  private final RowEncoder encoder;
  private final String uuid = UUID.randomUUID().toString();

  FileSink(String directory, RowEncoder encoder) {
    this.directory = requireNonNull(directory, "directory");
    this.encoder = requireNonNull(encoder, "encoder");
  }

  @Override
  public SinkWriter<Row> createWriter(InitContext context) {
    return new FileSinkWriter(
        FilePaths.resolve(directory), "part-" + uuid + "-" + context.subtaskIndex() + "-", encoder);
  }
}
