package io.strom.connector.filesystem;

import static java.util.Objects.requireNonNull;

import io.strom.connector.ChangelogMode;
import io.strom.connector.RowEncoder;
import io.strom.connector.TableSink;
import io.strom.data.Row;
import io.strom.datastream.sink.Sink;

/** Writes a table's rows into part files under a directory with a line-based format; insert-only. */
final class FileSystemTableSink implements TableSink {
  private final String path;
  private final String format;
  private final RowEncoder encoder;
  private final Integer parallelism;

  FileSystemTableSink(String path, String format, RowEncoder encoder, Integer parallelism) {
    this.path = requireNonNull(path, "path");
    this.format = requireNonNull(format, "format");
    this.encoder = requireNonNull(encoder, "encoder");
    this.parallelism = parallelism;
  }

  @Override
  public ChangelogMode changelogMode(ChangelogMode requested) {
    return encoder.changelogMode();
  }

  @Override
  public Sink<Row> createRuntimeSink() {
    return new FileSink(path, encoder);
  }

  @Override
  public Integer parallelism() {
    return parallelism;
  }

  @Override
  public String summary() {
    return "filesystem(path=" + path + ", format=" + format + ")";
  }

  @Override
  public FileSystemTableSink copy() {
    return new FileSystemTableSink(path, format, encoder, parallelism);
  }
}
