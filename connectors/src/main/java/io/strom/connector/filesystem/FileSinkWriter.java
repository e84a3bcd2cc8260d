package io.strom.connector.filesystem;

import io.strom.connector.ConnectorException;
import io.strom.connector.RowCopier;
import io.strom.connector.RowEncoder;
import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.datastream.sink.PrecommittingSinkWriter;
import io.strom.serde.DataOutputSerializer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writes one subtask's rows, exactly once. Between two checkpoints each partition directory the
 * rows go to gets one part file, written as a hidden in-progress file from its first row until the
 * next checkpoint, then forced to disk and renamed to its hidden pending name until the checkpoint
 * completes (an unpartitioned table has one directory, the table's). A subtask without rows leaves
 * no file. Part names carry a token of this writer, so a restarted job never reuses a name that
 * may be committed. The files hold the data columns only: partition columns are the directories.
 *
 * <p>Used only on the task's thread.
 */
final class FileSinkWriter implements PrecommittingSinkWriter<Row, PendingFile> {
  private static final int BUFFER_BYTES = 64 * 1024;

  private final Path root;
  private final String filePrefix;
  private final RowEncoder encoder;
  private final PartitionLayout layout;
  private final PartitionValues values;
  private final PartitionCommitter committer;
  private final int[] keyFields;
  private final RowCopier dataCopier;
  private final GenericRow dataRow;
  private final DataOutputSerializer record = new DataOutputSerializer(256);
  private final String writerToken = UUID.randomUUID().toString().substring(0, 8);
  /** The open part file per partition directory (relative to the root; "" for the root). */
  private final Map<String, PartFile> open = new LinkedHashMap<>();
  /** Directories this writer wrote into, so abandoned files are removed once per directory. */
  private final Set<String> seen = new HashSet<>();
  /** Directories whose files this writer committed: they get a success file at the end. */
  private final Set<String> committed = new HashSet<>();
  /** Directories an overwrite already cleared of older files. */
  private final Set<String> cleared = new HashSet<>();
  private final List<String> partitionValues = new ArrayList<>();
  private int filesOpened;

  /** The part file of the open transaction in one directory. */
  private static final class PartFile {
    final String partition;
    final String name;
    final Path inProgress;
    final FileChannel channel;
    final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);

    PartFile(String partition, String name, Path inProgress, FileChannel channel) {
      this.partition = partition;
      this.name = name;
      this.inProgress = inProgress;
      this.channel = channel;
    }
  }

  FileSinkWriter(
      Path root,
      String filePrefix,
      RowEncoder encoder,
      PartitionLayout layout,
      PartitionValues values,
      PartitionCommitter committer) {
    this.committer = committer;
    this.root = root;
    this.filePrefix = filePrefix;
    this.encoder = encoder;
    this.layout = layout;
    this.values = values;
    this.keyFields = layout.keyFields();
    this.dataCopier = new RowCopier(layout.physicalType().fieldTypes(), layout.dataFields());
    this.dataRow = new GenericRow(layout.dataFields().length);
  }

  @Override
  public void write(Row row, long timestamp) throws IOException {
    String partition = layout.isPartitioned() ? partitionOf(row) : "";
    PartFile file = open.get(partition);
    if (file == null) {
      file = begin(partition);
      open.put(partition, file);
    }
    Row data = row;
    if (layout.isPartitioned()) {
      dataCopier.copy(row, dataRow);
      data = dataRow;
    }
    record.clear();
    encoder.encode(data, record);
    record.write('\n');
    if (record.length() > file.buffer.remaining()) {
      drain(file);
    }
    if (record.length() > file.buffer.capacity()) {
      write(file, ByteBuffer.wrap(record.buffer(), 0, record.length()));
    } else {
      file.buffer.put(record.buffer(), 0, record.length());
    }
  }

  /** The relative directory of a row's partition, e.g. {@code dt=2024-01-01/hr=3}. */
  private String partitionOf(Row row) {
    partitionValues.clear();
    for (int i = 0; i < keyFields.length; i++) {
      partitionValues.add(values.toPathValue(row, keyFields[i], layout.keyType(i)));
    }
    return PartitionPaths.directory(layout.keys(), partitionValues);
  }

  private PartFile begin(String partition) throws IOException {
    if (Files.exists(root) && !Files.isDirectory(root)) {
      throw new ConnectorException(
          "The filesystem sink writes part files into a directory, but 'path' = '" + root
              + "' is a file. Point 'path' at a directory.");
    }
    Path directory = root.resolve(partition);
    Files.createDirectories(directory);
    if (seen.add(partition)) {
      removeAbandonedFiles(directory);
    }
    String name = filePrefix + writerToken + "-" + filesOpened++;
    Path inProgress = directory.resolve(PendingFile.inProgressName(name));
    FileChannel channel =
        FileChannel.open(
            inProgress,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE);
    return new PartFile(partition, name, inProgress, channel);
  }

  /**
   * Deletes in-progress files an earlier attempt of this subtask left when it was cancelled
   * mid-write. They were never pre-committed, so no checkpoint refers to them; a restarted job
   * runs only once every task of the failed attempt has stopped.
   */
  private void removeAbandonedFiles(Path directory) throws IOException {
    String mine = "." + filePrefix;
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = file.getFileName().toString();
        if (name.startsWith(mine) && name.endsWith(".inprogress") && !name.contains(writerToken)) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  private static void drain(PartFile file) throws IOException {
    file.buffer.flip();
    write(file, file.buffer);
    file.buffer.clear();
  }

  private static void write(PartFile file, ByteBuffer bytes) throws IOException {
    while (bytes.hasRemaining()) {
      file.channel.write(bytes);
    }
  }

  @Override
  public List<PendingFile> prepareCommit(long checkpointId) throws IOException {
    List<PendingFile> pending = new ArrayList<>();
    for (PartFile file : open.values()) {
      drain(file);
      file.channel.force(true);
      file.channel.close();
      Files.move(
          file.inProgress,
          root.resolve(file.partition).resolve(PendingFile.pendingName(file.name)),
          StandardCopyOption.ATOMIC_MOVE);
      pending.add(new PendingFile(file.partition, file.name));
    }
    open.clear();
    return pending;
  }

  /** The directory of the table, under which the partition directories are. */
  Path root() {
    return root;
  }

  /** Records that the files of a partition directory were committed. */
  void committed(String partition) {
    committed.add(partition);
  }

  /** Directories whose files this writer committed so far. */
  Set<String> committedPartitions() {
    return committed;
  }

  /** Marks a directory as cleared by an overwrite; returns whether it was not before. */
  boolean clearOnce(String partition) {
    return cleared.add(partition);
  }

  /** The input ended and its last files are committed: the partitions are finished. */
  @Override
  public void flush() throws IOException {
    committer.finish(this);
  }

  /** Aborts the open part files, if any. */
  @Override
  public void close() throws IOException {
    IOException failure = null;
    for (PartFile file : open.values()) {
      try {
        file.channel.close();
        Files.deleteIfExists(file.inProgress);
      } catch (IOException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    open.clear();
    if (failure != null) {
      throw failure;
    }
  }
}
