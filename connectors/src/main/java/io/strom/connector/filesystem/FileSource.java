package io.strom.connector.filesystem;

import static java.util.Objects.requireNonNull;

import io.strom.connector.RowDecoder;
import io.strom.data.Row;
import io.strom.runtime.source.Boundedness;
import io.strom.runtime.source.Source;
import io.strom.runtime.source.SourceReader;
import io.strom.runtime.source.SourceReaderContext;
import io.strom.runtime.source.SplitEnumerator;
import io.strom.runtime.source.SplitEnumeratorContext;
import io.strom.types.LogicalType;
import java.util.List;

/**
 * Reads the files under a path line by line, one split per file, decoding each line with a row
 * format and appending metadata columns. Bounded: the files are listed once, when the scan starts.
 */
public final class FileSource implements Source<Row, FileSplit> {
  private static final long serialVersionUID = 1L;

  private final String path;
  private final String format;
  private final RowDecoder decoder;
  private final List<LogicalType> decodedTypes;
  private final int[] decodedTargets;
  private final PartitionFieldFiller partitions;
  private final PartitionFilter partitionFilter;
  private final List<FileMetadata> metadata;

  /**
   * @param path the file or directory
   * @param format the format's identifier, for error messages
   * @param decoder decodes a line into a row of {@code decodedTypes}
   * @param decodedTypes the types of the decoder's rows
   * @param decodedTargets where each decoded field goes in the produced row
   * @param partitions the partition columns of the produced row, taken from the directories
   * @param partitionFilter the partitions to read, or null for all
   * @param metadata the metadata to append after the decoded and partition fields, in order
   */
  FileSource(
      String path,
      String format,
      RowDecoder decoder,
      List<LogicalType> decodedTypes,
      int[] decodedTargets,
      PartitionFieldFiller partitions,
      PartitionFilter partitionFilter,
      List<FileMetadata> metadata) {
    this.path = requireNonNull(path, "path");
    this.format = requireNonNull(format, "format");
    this.decoder = requireNonNull(decoder, "decoder");
    this.decodedTypes = List.copyOf(decodedTypes);
    this.decodedTargets = decodedTargets.clone();
    this.partitions = requireNonNull(partitions, "partitions");
    this.partitionFilter = partitionFilter;
    this.metadata = List.copyOf(metadata);
  }

  @Override
  public Boundedness boundedness() {
    return Boundedness.BOUNDED;
  }

  @Override
  public SplitEnumerator<FileSplit> createEnumerator(SplitEnumeratorContext<FileSplit> context) {
    return new FileSplitEnumerator(context, path, partitions.keys(), partitionFilter);
  }

  @Override
  public SourceReader<Row, FileSplit> createReader(SourceReaderContext context) {
    return new FileSourceReader(
        context, format, decoder, decodedTypes, decodedTargets, partitions, metadata);
  }
}
