package io.strom.connector.filesystem;

import io.strom.connector.ConnectorException;
import io.strom.connector.RowEncoder;
import io.strom.data.Row;
import io.strom.datastream.sink.SinkWriter;
import io.strom.serde.DataOutputSerializer;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes one subtask's rows into its own part file, created (with the directory) on the first
 * row, so a subtask without rows leaves no file. Used only on the task's thread.
 */
final class FileSinkWriter implements SinkWriter<Row> {
  private final Path directory;
  private final String filePrefix;
  private final RowEncoder encoder;
  private final DataOutputSerializer record = new DataOutputSerializer(256);
  private OutputStream out;
  private int filesOpened;

  FileSinkWriter(Path directory, String filePrefix, RowEncoder encoder) {
    this.directory = directory;
    this.filePrefix = filePrefix;
    this.encoder = encoder;
  }

  @Override
  public void write(Row row, long timestamp) throws IOException {
    if (out == null) {
      open();
    }
    record.clear();
    encoder.encode(row, record);
    record.write('\n');
    out.write(record.buffer(), 0, record.length());
  }

  private void open() throws IOException {
    if (Files.exists(directory) && !Files.isDirectory(directory)) {
      throw new ConnectorException(
          "The filesystem sink writes part files into a directory, but 'path' = '" + directory
              + "' is a file. Point 'path' at a directory.");
    }
    Files.createDirectories(directory);
    Path file = directory.resolve(filePrefix + filesOpened++);
    out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
  }

  /** The input ended: flushes and closes the part file. */
  @Override
  public void flush() throws IOException {
    close();
  }

  @Override
  public void close() throws IOException {
    if (out != null) {
      OutputStream closing = out;
      out = null;
      closing.close();
    }
  }
}
