package io.strom.connector.filesystem;

import static java.util.Objects.requireNonNull;

import io.strom.connector.ChangelogMode;
import io.strom.connector.ConnectorException;
import io.strom.connector.RowEncoder;
import io.strom.connector.SupportsOverwrite;
import io.strom.connector.SupportsPartitioning;
import io.strom.connector.TableSink;
import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.datastream.sink.Sink;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a table's rows into part files under a directory with a line-based format, partition
 * columns as {@code key=value} directories; insert-only. An overwrite needs a bounded input, as in
 * Flink.
 */
final class FileSystemTableSink implements TableSink, SupportsOverwrite, SupportsPartitioning {
  private final String path;
  private final String format;
  private final RowEncoder encoder;
  private final Integer parallelism;
  private final PartitionLayout layout;
  private final PartitionValues values;
  private final PartitionCommitOptions commitOptions;
  private boolean overwrite;
  private Map<String, String> staticPartition = Map.of();
  private Boolean bounded;

  FileSystemTableSink(
      String path,
      String format,
      RowEncoder encoder,
      Integer parallelism,
      PartitionLayout layout,
      PartitionValues values,
      PartitionCommitOptions commitOptions) {
    this.path = requireNonNull(path, "path");
    this.format = requireNonNull(format, "format");
    this.encoder = requireNonNull(encoder, "encoder");
    this.parallelism = parallelism;
    this.layout = requireNonNull(layout, "layout");
    this.values = requireNonNull(values, "values");
    this.commitOptions = requireNonNull(commitOptions, "commitOptions");
  }

  @Override
  public ChangelogMode changelogMode(ChangelogMode requested) {
    return encoder.changelogMode();
  }

  @Override
  public void applyOverwrite(boolean overwrite) {
    this.overwrite = overwrite;
  }

  @Override
  public void applyStaticPartition(Map<String, String> partition) {
    Map<String, String> normalized = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : partition.entrySet()) {
      int key = layout.keys().indexOf(entry.getKey());
      if (key < 0) {
        throw new ConnectorException(
            "'" + entry.getKey() + "' is not a partition column; the partition columns are "
                + layout.keys());
      }
      normalized.put(entry.getKey(), normalize(key, entry.getValue()));
    }
    this.staticPartition = normalized;
  }

  /** A static value as its directory would name it (e.g. {@code 03} for an INT is {@code 3}). */
  private String normalize(int key, String text) {
    Object internal = values.toInternal(text, layout.keyType(key), layout.keys().get(key));
    GenericRow row = new GenericRow(1);
    row.setField(0, internal);
    return values.toPathValue(row, 0, layout.keyType(key));
  }

  @Override
  public void applyInputBoundedness(boolean bounded) {
    if (overwrite && !bounded) {
      throw new ConnectorException(
          "INSERT OVERWRITE needs a bounded query: streaming mode does not support overwrite."
              + " Use INSERT INTO, which appends, or overwrite from bounded tables.");
    }
    commitOptions.policy(bounded, layout.isPartitioned());
    this.bounded = bounded;
  }

  @Override
  public Sink<Row> createRuntimeSink() {
    boolean isBounded = bounded == null || bounded;
    return new FileSink(
        path,
        encoder,
        layout,
        values,
        overwrite,
        fullStaticPartition(),
        commitOptions.policy(isBounded, layout.isPartitioned()));
  }

  /** The directory of the static partition when the statement fixes every partition column. */
  private String fullStaticPartition() {
    if (!layout.isPartitioned() || staticPartition.size() != layout.keys().size()) {
      return null;
    }
    List<String> ordered = new ArrayList<>();
    for (String key : layout.keys()) {
      ordered.add(staticPartition.get(key));
    }
    return PartitionPaths.directory(layout.keys(), ordered);
  }

  @Override
  public Integer parallelism() {
    return parallelism;
  }

  @Override
  public String summary() {
    StringBuilder summary = new StringBuilder("filesystem(path=").append(path)
        .append(", format=").append(format);
    if (layout.isPartitioned()) {
      summary.append(", partitionBy=").append(layout.keys());
    }
    if (overwrite) {
      summary.append(", overwrite");
    }
    return summary.append(')').toString();
  }

  @Override
  public FileSystemTableSink copy() {
    FileSystemTableSink copy =
        new FileSystemTableSink(path, format, encoder, parallelism, layout, values, commitOptions);
    copy.overwrite = overwrite;
    copy.staticPartition = staticPartition;
    copy.bounded = bounded;
    return copy;
  }
}
