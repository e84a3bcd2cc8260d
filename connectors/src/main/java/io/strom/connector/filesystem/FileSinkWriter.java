package io.strom.connector.filesystem;

import io.strom.connector.ConnectorException;
import io.strom.connector.RowEncoder;
import io.strom.data.Row;
import io.strom.datastream.sink.TransactionalSinkWriter;
import io.strom.serde.DataOutputSerializer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes one subtask's rows: each transaction is one part file, written as a hidden in-progress
 * file from its first row until the next checkpoint, then forced to disk and renamed to its hidden
 * pending name until the checkpoint completes. A subtask without rows leaves no file. Part names
 * carry a token of this writer, so a restarted job never reuses a name that may be committed.
 *
 * <p>Used only on the task's thread.
 */
final class FileSinkWriter extends TransactionalSinkWriter<Row, FileSinkWriter.PartFile, PendingFile> {
  private static final int BUFFER_BYTES = 64 * 1024;

  private final Path directory;
  private final String filePrefix;
  private final RowEncoder encoder;
  private final DataOutputSerializer record = new DataOutputSerializer(256);
  private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
  private final String writerToken = UUID.randomUUID().toString().substring(0, 8);
  private int filesOpened;

  /** The part file of the open transaction. */
  static final class PartFile {
    final String name;
    final Path inProgress;
    final FileChannel channel;

    PartFile(String name, Path inProgress, FileChannel channel) {
      this.name = name;
      this.inProgress = inProgress;
      this.channel = channel;
    }
  }

  FileSinkWriter(Path directory, String filePrefix, RowEncoder encoder) {
    this.directory = directory;
    this.filePrefix = filePrefix;
    this.encoder = encoder;
  }

  @Override
  protected PartFile beginTransaction() throws IOException {
    if (Files.exists(directory) && !Files.isDirectory(directory)) {
      throw new ConnectorException(
          "The filesystem sink writes part files into a directory, but 'path' = '" + directory
              + "' is a file. Point 'path' at a directory.");
    }
    Files.createDirectories(directory);
    if (filesOpened == 0) {
      removeAbandonedFiles();
    }
    String name = filePrefix + writerToken + "-" + filesOpened++;
    Path inProgress = directory.resolve(PendingFile.inProgressName(name));
    FileChannel channel =
        FileChannel.open(
            inProgress,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE);
    return new PartFile(name, inProgress, channel);
  }

  /**
   * Deletes in-progress files an earlier attempt of this subtask left when it was cancelled
   * mid-write. They were never pre-committed, so no checkpoint refers to them; a restarted job
   * runs only once every task of the failed attempt has stopped.
   */
  private void removeAbandonedFiles() throws IOException {
    String mine = "." + filePrefix;
    try (java.util.stream.Stream<Path> files = Files.list(directory)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = file.getFileName().toString();
        if (name.startsWith(mine) && name.endsWith(".inprogress") && !name.contains(writerToken)) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  @Override
  protected void writeInto(PartFile file, Row row, long timestamp) throws IOException {
    record.clear();
    encoder.encode(row, record);
    record.write('\n');
    if (record.length() > buffer.remaining()) {
      drain(file);
    }
    if (record.length() > buffer.capacity()) {
      write(file, ByteBuffer.wrap(record.buffer(), 0, record.length()));
    } else {
      buffer.put(record.buffer(), 0, record.length());
    }
  }

  private void drain(PartFile file) throws IOException {
    buffer.flip();
    write(file, buffer);
    buffer.clear();
  }

  private static void write(PartFile file, ByteBuffer bytes) throws IOException {
    while (bytes.hasRemaining()) {
      file.channel.write(bytes);
    }
  }

  @Override
  protected PendingFile preCommit(PartFile file) throws IOException {
    drain(file);
    file.channel.force(true);
    file.channel.close();
    Files.move(
        file.inProgress,
        directory.resolve(PendingFile.pendingName(file.name)),
        StandardCopyOption.ATOMIC_MOVE);
    return new PendingFile(file.name);
  }

  @Override
  protected void abort(PartFile file) throws IOException {
    buffer.clear();
    file.channel.close();
    Files.deleteIfExists(file.inProgress);
  }
}
