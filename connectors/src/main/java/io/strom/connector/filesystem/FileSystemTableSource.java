package io.strom.connector.filesystem;

import static java.util.Objects.requireNonNull;

import io.strom.connector.ChangelogMode;
import io.strom.connector.ConnectorException;
import io.strom.connector.DecodingFormatFactory;
import io.strom.connector.LookupTableSource;
import io.strom.connector.Projections;
import io.strom.connector.ReadableOptions;
import io.strom.connector.RowDecoder;
import io.strom.connector.ScanTableSource;
import io.strom.connector.SupportsPartitionPushDown;
import io.strom.connector.SupportsProjectionPushDown;
import io.strom.connector.SupportsReadingMetadata;
import io.strom.data.Row;
import io.strom.runtime.source.Source;
import io.strom.runtime.sql.lookup.LookupFunction;
import io.strom.types.LogicalType;
import io.strom.types.RowType;
import io.strom.types.RowType.RowField;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;

/**
 * A bounded scan of the files under a path, decoded by a line-based format, with projection
 * push-down (the format parses only the kept columns) and the {@code file.*} metadata columns. A
 * partitioned table reads the files of its partition directories, whose values fill the partition
 * columns. A lookup join reads the whole table once per subtask and keeps it in memory (a FULL
 * cache), read again every 'lookup.full-cache.periodic-reload.interval' when that is set.
 */
final class FileSystemTableSource
    implements ScanTableSource, SupportsProjectionPushDown, SupportsReadingMetadata,
        SupportsPartitionPushDown, LookupTableSource {
  private final String path;
  private final RowType physicalType;
  private final DecodingFormatFactory format;
  private final ReadableOptions formatOptions;
  private final PartitionLayout layout;
  private final PartitionValues partitionValues;
  /** How often a lookup join reads the table again, or null for never. */
  private final Duration lookupReloadInterval;
  private int[] projection;
  private List<String> metadataKeys = List.of();
  /** The partitions to read, or null for all. */
  private List<Row> partitions;

  FileSystemTableSource(
      String path,
      RowType physicalType,
      DecodingFormatFactory format,
      ReadableOptions formatOptions,
      PartitionLayout layout,
      PartitionValues partitionValues,
      Duration lookupReloadInterval) {
    this.path = requireNonNull(path, "path");
    this.physicalType = requireNonNull(physicalType, "physicalType");
    this.format = requireNonNull(format, "format");
    this.formatOptions = requireNonNull(formatOptions, "formatOptions");
    this.layout = requireNonNull(layout, "layout");
    this.partitionValues = requireNonNull(partitionValues, "partitionValues");
    this.lookupReloadInterval = lookupReloadInterval;
    this.projection = Projections.identity(physicalType.fieldCount());
  }

  @Override
  public ChangelogMode changelogMode() {
    // A changelog format (debezium-json, canal-json) reads updates and deletes from the files.
    return format.createDecoder(physicalType, projection, formatOptions).changelogMode();
  }

  @Override
  public boolean isBounded() {
    return true;
  }

  @Override
  public RowType producedType() {
    List<RowField> fields = new ArrayList<>(Projections.project(physicalType, projection).fields());
    for (String key : metadataKeys) {
      fields.add(new RowField(key, FileMetadata.ofKey(key).type));
    }
    return new RowType(fields);
  }

  @Override
  public LookupFunction createLookupFunction(Request request) {
    return LookupTableSource.fullCache(this, request, lookupReloadInterval);
  }

  @Override
  public Source<Row, ?> createRuntimeSource() {
    List<FileMetadata> metadata = metadataKeys.stream().map(FileMetadata::ofKey).toList();
    if (!layout.isPartitioned()) {
      RowDecoder decoder = format.createDecoder(physicalType, projection, formatOptions);
      return new FileSource(
          path,
          format.identifier(),
          decoder,
          Projections.project(physicalType, projection).fieldTypes(),
          Projections.identity(projection.length),
          PartitionFieldFiller.NONE,
          null,
          metadata);
    }
    // The files hold the data columns only: decode the projected ones, fill in the partitions.
    List<Integer> dataProjection = new ArrayList<>();
    List<Integer> dataTargets = new ArrayList<>();
    List<Integer> keyOfSlot = new ArrayList<>();
    List<Integer> keyTargets = new ArrayList<>();
    List<LogicalType> keyTypes = new ArrayList<>();
    for (int i = 0; i < projection.length; i++) {
      int key = layout.keyOf(projection[i]);
      if (key >= 0) {
        keyOfSlot.add(key);
        keyTargets.add(i);
        keyTypes.add(layout.keyType(key));
      } else {
        dataProjection.add(layout.dataIndexOf(projection[i]));
        dataTargets.add(i);
      }
    }
    RowType dataType = layout.dataType();
    int[] decoded = toArray(dataProjection);
    return new FileSource(
        path,
        format.identifier(),
        format.createDecoder(dataType, decoded, formatOptions),
        Projections.project(dataType, decoded).fieldTypes(),
        toArray(dataTargets),
        new PartitionFieldFiller(
            layout.keys(), toArray(keyOfSlot), toArray(keyTargets), keyTypes, partitionValues),
        partitions == null ? null : partitionFilter(partitions),
        metadata);
  }

  private PartitionFilter partitionFilter(List<Row> accepted) {
    List<LogicalType> types = new ArrayList<>();
    for (int i = 0; i < layout.keys().size(); i++) {
      types.add(layout.keyType(i));
    }
    return new PartitionFilter(layout.keys(), types, partitionValues, accepted);
  }

  @Override
  public List<Row> listPartitions() {
    if (!layout.isPartitioned()) {
      return List.of();
    }
    PartitionFilter all = partitionFilter(List.of());
    Set<List<String>> seen = new LinkedHashSet<>();
    for (FilePaths.PartitionFile file : FilePaths.listPartitionFiles(FilePaths.resolve(path), layout.keys())) {
      seen.add(file.values());
    }
    List<Row> result = new ArrayList<>();
    for (List<String> values : seen) {
      result.add(all.toRow(values));
    }
    return result;
  }

  @Override
  public void applyPartitions(List<Row> accepted) {
    this.partitions = List.copyOf(accepted);
  }

  private static int[] toArray(List<Integer> values) {
    return values.stream().mapToInt(Integer::intValue).toArray();
  }

  @Override
  public void applyProjection(int[] physicalFields) {
    Projections.project(physicalType, physicalFields);
    this.projection = physicalFields.clone();
  }

  @Override
  public Map<String, LogicalType> listReadableMetadata() {
    Map<String, LogicalType> result = new LinkedHashMap<>();
    for (FileMetadata m : FileMetadata.values()) {
      result.put(m.key, m.type);
    }
    return result;
  }

  @Override
  public void applyReadableMetadata(List<String> keys) {
    for (String key : keys) {
      if (FileMetadata.ofKey(key) == null) {
        throw new ConnectorException(
            "The filesystem connector has no metadata '" + key + "'. Available: "
                + String.join(", ", listReadableMetadata().keySet()) + ".");
      }
    }
    this.metadataKeys = List.copyOf(keys);
  }

  @Override
  public String summary() {
    StringBuilder sb = new StringBuilder("filesystem(path=").append(path)
        .append(", format=").append(format.identifier());
    if (!Projections.isIdentity(projection, physicalType.fieldCount())) {
      sb.append(", project=").append(Projections.project(physicalType, projection).fieldNames());
    }
    if (layout.isPartitioned()) {
      sb.append(", partitionBy=").append(layout.keys());
      if (partitions != null) {
        sb.append(", partitions=").append(partitions.size());
      }
    }
    if (!metadataKeys.isEmpty()) {
      sb.append(", metadata=").append(metadataKeys);
    }
    return sb.append(')').toString();
  }

  @Override
  public FileSystemTableSource copy() {
    FileSystemTableSource copy = new FileSystemTableSource(
        path, physicalType, format, formatOptions, layout, partitionValues, lookupReloadInterval);
    copy.projection = projection.clone();
    copy.metadataKeys = metadataKeys;
    copy.partitions = partitions;
    return copy;
  }
}
