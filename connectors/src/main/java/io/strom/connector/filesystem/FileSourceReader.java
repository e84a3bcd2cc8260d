package io.strom.connector.filesystem;

import io.strom.connector.ConnectorException;
import io.strom.connector.DecoderContext;
import io.strom.connector.RowCollector;
import io.strom.connector.RowCopier;
import io.strom.connector.RowDecodeException;
import io.strom.connector.RowDecoder;
import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.runtime.source.InputStatus;
import io.strom.runtime.source.ReaderOutput;
import io.strom.runtime.source.SourceOutput;
import io.strom.runtime.source.SourceReader;
import io.strom.runtime.source.SourceReaderContext;
import io.strom.types.LogicalType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Reads its files one after another, a batch of lines per poll. Each decoded row is copied into a
 * fresh row with the file's metadata appended, since the decoder reuses its own. A line that does
 * not decode fails the job with the file, line number, the reason and the line's text.
 *
 * <p>Called only on the task's thread.
 */
final class FileSourceReader implements SourceReader<Row, FileSplit>, RowCollector {
  private static final int BATCH = 1024;
  private static final int MAX_QUOTED_CHARS = 200;

  private final String format;
  private final RowDecoder decoder;
  private final RowCopier copier;
  /** Decoded and partition fields: the metadata follows them. */
  private final int fieldArity;
  private final PartitionFieldFiller partitions;
  private final int[] partitionTargets;
  /** The current file's partition values, as internal values. */
  private Object[] partitionValues = new Object[0];
  private final List<FileMetadata> metadata;
  /** The current file's metadata values, as internal values. */
  private final Object[] metadataValues;
  private final ArrayDeque<FileSplit> splits = new ArrayDeque<>();
  private boolean noMoreSplits;

  private FileSplit current;
  private LineReader lines;
  private SourceOutput<Row> output;

  FileSourceReader(
      SourceReaderContext context,
      String format,
      RowDecoder decoder,
      List<LogicalType> decodedTypes,
      int[] decodedTargets,
      PartitionFieldFiller partitions,
      List<FileMetadata> metadata) {
    this.format = format;
    this.decoder = decoder;
    this.copier = new RowCopier(
        decodedTypes, io.strom.connector.Projections.identity(decodedTypes.size()), decodedTargets);
    this.partitions = partitions;
    this.partitionTargets = partitions.targets();
    this.fieldArity = decodedTypes.size() + partitionTargets.length;
    this.metadata = metadata;
    this.metadataValues = new Object[metadata.size()];
    decoder.open(new DecoderContext(context.metrics()));
  }

  @Override
  public InputStatus pollNext(ReaderOutput<Row> readerOutput) throws Exception {
    if (current == null && !openNextSplit(readerOutput)) {
      return noMoreSplits ? InputStatus.END_OF_INPUT : InputStatus.NOTHING_AVAILABLE;
    }
    for (int i = 0; i < BATCH; i++) {
      if (!lines.nextRecord()) {
        finishSplit(readerOutput);
        return InputStatus.MORE_AVAILABLE;
      }
      while (decoder.isIncomplete(lines.buffer(), lines.start(), lines.length())
          && lines.joinNextLine()) {
        // the record continues on the next line, e.g. inside a quoted CSV field
      }
      if (lines.length() > 0) {
        decodeRecord();
      }
    }
    return InputStatus.MORE_AVAILABLE;
  }

  private boolean openNextSplit(ReaderOutput<Row> readerOutput) throws IOException {
    current = splits.poll();
    if (current == null) {
      return false;
    }
    lines = new LineReader(Files.newInputStream(Paths.get(current.path())));
    output = readerOutput.forSplit(current.splitId());
    for (int i = 0; i < metadata.size(); i++) {
      metadataValues[i] = metadata.get(i).valueOf(current);
    }
    partitionValues = partitions.valuesOf(current);
    return true;
  }

  private void finishSplit(ReaderOutput<Row> readerOutput) throws IOException {
    lines.close();
    lines = null;
    readerOutput.releaseSplit(current.splitId());
    current = null;
  }

  private void decodeRecord() {
    try {
      decoder.decode(lines.buffer(), lines.start(), lines.length(), this);
    } catch (RowDecodeException e) {
      int shown = Math.min(lines.length(), MAX_QUOTED_CHARS);
      String text = new String(lines.buffer(), lines.start(), shown, StandardCharsets.UTF_8)
          + (lines.length() > shown ? "..." : "");
      throw new ConnectorException(
          "Could not parse line " + lines.lineNumber() + " of " + current.path() + ": "
              + e.getMessage() + ". The line: " + text
              + " (set '" + format + ".ignore-parse-errors' = 'true' to skip malformed lines)",
          e.getCause());
    }
  }

  /** Emits a copy of a decoded row with the file's partition values and metadata added. */
  @Override
  public void collect(Row decoded) {
    GenericRow row = new GenericRow(fieldArity + metadataValues.length);
    copier.copy(decoded, row);
    for (int i = 0; i < partitionTargets.length; i++) {
      row.setField(partitionTargets[i], partitionValues[i]);
    }
    for (int i = 0; i < metadataValues.length; i++) {
      row.setField(fieldArity + i, metadataValues[i]);
    }
    output.collect(row);
  }

  @Override
  public void addSplits(List<FileSplit> newSplits) {
    splits.addAll(newSplits);
  }

  @Override
  public void notifyNoMoreSplits() {
    noMoreSplits = true;
  }

  @Override
  public void close() throws IOException {
    if (lines != null) {
      lines.close();
    }
  }
}
